using System.Threading.Channels;
using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Chat;

/// <summary>
/// Writes chat exchanges (and the conversations they start) for <see cref="AssistantChat"/>, one writer for the whole
/// app: exchanges that arrive while a batch is being written are saved together in the next one, in one transaction.
/// Concurrent chats (the HTTP API under load) would otherwise each take SQLite's single write lock in turn for a
/// transaction of their own and wait for one another; now they share the commit.
/// </summary>
/// <remarks>
/// Decision: <see cref="WriteAsync"/> completes only once its exchange is committed, so the caller answers with the
/// real conversation id and a client that reads the log right after its chat finds the exchange there. If a batch
/// fails, its exchanges are written one by one, so one bad exchange (its assistant deleted meanwhile) fails alone.
/// </remarks>
public sealed class ChatLogWriter : IAsyncDisposable
{
    private const int MaxBatch = 64;

    private readonly IDbContextFactory<ApplicationDbContext> _dbFactory;
    private readonly Channel<PendingExchange> _queue = Channel.CreateUnbounded<PendingExchange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public ChatLogWriter(IDbContextFactory<ApplicationDbContext> dbFactory)
    {
        _dbFactory = dbFactory;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Saves <paramref name="exchange"/>: with <paramref name="newConversation"/> (not yet saved) it starts that
    /// conversation; with <paramref name="existingConversationId"/> it continues it and moves its last activity to
    /// <paramref name="at"/>. Completes when committed; the exchange (and conversation) then carry their ids.
    /// </summary>
    public Task WriteAsync(ChatExchange exchange, Conversation? newConversation, int? existingConversationId, DateTime at)
    {
        var pending = new PendingExchange(exchange, newConversation, existingConversationId, at);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(ChatLogWriter));
        }
        return pending.Done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingExchange>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            try
            {
                await SaveAsync(batch);
                batch.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var pending in batch)
                {
                    await SaveAloneAsync(pending);
                }
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
            }
            batch.Clear();
        }
    }

    private async Task SaveAloneAsync(PendingExchange pending)
    {
        try
        {
            await SaveAsync([pending]);
            pending.Done.TrySetResult();
        }
        catch (Exception e)
        {
            pending.Done.TrySetException(e);
        }
    }

    private async Task SaveAsync(IReadOnlyList<PendingExchange> batch)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(CancellationToken.None);
        // Every state is set explicitly below (added rows, one modified column), so no snapshot comparison is needed;
        // without this each after-commit interceptor's look at the entries would compare them all again.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var continued = new Dictionary<int, Conversation>();
        foreach (var pending in batch)
        {
            var exchange = pending.Exchange;
            if (pending.NewConversation is { } conversation)
            {
                conversation.UpdatedAt = pending.At;
                exchange.Conversation = conversation;
                db.Conversations.Add(conversation);
            }
            else if (pending.ExistingConversationId is { } id)
            {
                // Only its last activity changes: a stub updates that one column.
                if (!continued.TryGetValue(id, out var stub))
                {
                    stub = new Conversation { Id = id };
                    db.Conversations.Attach(stub);
                    continued[id] = stub;
                }
                stub.UpdatedAt = pending.At > stub.UpdatedAt ? pending.At : stub.UpdatedAt;
                db.Entry(stub).Property(c => c.UpdatedAt).IsModified = true;
                exchange.Conversation = null;
                exchange.ConversationId = id;
            }
            db.ChatExchanges.Add(exchange);
        }
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            // Written one by one next: the entities must look unsaved again.
            foreach (var pending in batch)
            {
                pending.Exchange.Id = 0;
                if (pending.NewConversation is { } conversation)
                {
                    conversation.Id = 0;
                    pending.Exchange.ConversationId = null;
                }
            }
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed record PendingExchange(ChatExchange Exchange, Conversation? NewConversation, int? ExistingConversationId, DateTime At)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
