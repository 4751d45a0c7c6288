using System.Diagnostics;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Benchmarks;

/// <summary>
/// The benchmark entries. Each operation runs as the app runs it: a context from the app's factory
/// (one pooled SQLite connection, since the runner is single-threaded), then the resolver's queries.
/// Inputs are drawn before timing; each entry is warmed up on inputs of its own before it is measured.
/// </summary>
public sealed class Workload(BenchDatabase database, int seed)
{
    private const int CheckPairs = 10_000;
    private const int ListUsers = 1_000;
    private const int PageSize = 50;
    /// <summary>
    /// Enough runs for the JIT to finish tiering EF's query pipeline (slow to happen on a busy machine,
    /// where the background compiler waits for a core), so the figures are steady-state ones.
    /// </summary>
    private const int WarmUp = 500;

    private readonly Random _random = new(seed + 1);
    private readonly IAccessResolver _resolver = database.Resolver;

    public async Task<IReadOnlyList<EntryResult>> RunAsync(IReadOnlySet<string> entries)
    {
        var facts = await Facts.LoadAsync(database.Factory);
        Console.WriteLine("drawing inputs");
        var warmPairs = await DrawPairsAsync(facts, WarmUp * 2);
        var pairs = await DrawPairsAsync(facts, CheckPairs);
        var listUsers = Enumerable.Range(0, ListUsers + WarmUp).Select(_ => facts.Users[_random.Next(facts.Users.Length)]).ToArray();
        var floorIds = Enumerable.Range(0, CheckPairs + WarmUp * 2).Select(_ => facts.Assistants[_random.Next(facts.Assistants.Length)].Id).ToArray();

        var results = new List<EntryResult>();
        if (entries.Contains("check"))
        {
            results.Add(await MeasureAsync("check", warmPairs, pairs, p => CheckAsync(p.Viewer, p.AssistantId)));
        }
        if (entries.Contains("list"))
        {
            results.Add(await MeasureAsync("list", listUsers[ListUsers..], listUsers[..ListUsers], ListAsync));
        }
        if (entries.Contains("list-admin"))
        {
            results.Add(await MeasureAsync("list-admin", Repeat(facts.GlobalAdmin, WarmUp), Repeat(facts.GlobalAdmin, ListUsers), ListAsync));
        }
        if (entries.Contains("floor"))
        {
            results.Add(await MeasureAsync("floor", floorIds[CheckPairs..], floorIds[..CheckPairs], FloorAsync));
        }
        return results;
    }

    /// <summary>The effective level, as every page and command asks for it.</summary>
    private async Task<AccessLevel> CheckAsync(string viewer, int assistantId) =>
        (await _resolver.ResolveAsync(new Viewer(viewer), assistantId)).Level;

    /// <summary>"My assistants": the viewer's role, then the first page by name and the total count.</summary>
    private async Task<int> ListAsync(string userId)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        var role = await _resolver.GetGlobalRoleAsync(db, userId);
        var visible = _resolver.VisibleAssistants(db, userId, role);
        var page = await visible.OrderBy(a => a.Name).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Name, a.Description, a.PublicAccess, a.ProjectId })
            .Take(PageSize).ToListAsync();
        var total = await visible.CountAsync();
        return page.Count + total;
    }

    /// <summary>The least any database operation costs: a context, the pooled connection and one primary-key lookup.</summary>
    private async Task<int> FloorAsync(int assistantId)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        var assistant = await db.Assistants.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assistantId);
        return assistant?.Id ?? 0;
    }

    private static async Task<EntryResult> MeasureAsync<T, TResult>(string name, IReadOnlyList<T> warmUp, IReadOnlyList<T> inputs, Func<T, Task<TResult>> operation)
    {
        Console.WriteLine($"{name}: warm-up {warmUp.Count}, measuring {inputs.Count}");
        foreach (var input in warmUp)
        {
            await operation(input);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var ticks = new long[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation(inputs[i]);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }
        return EntryResult.From(name, ticks);
    }

    private static string[] Repeat(string value, int count) => Enumerable.Repeat(value, count).ToArray();

    /// <summary>
    /// (viewer, assistant) pairs: two thirds where the viewer has access by one of the sources picked
    /// at random, one third with no access at all. Every pair is checked against the resolver first, so
    /// a pair in the wrong third fails the run rather than skewing it.
    /// </summary>
    private async Task<List<(string Viewer, int AssistantId)>> DrawPairsAsync(Facts facts, int count)
    {
        var pairs = new List<(string Viewer, int AssistantId)>(count);
        var withoutAccess = count / 3;
        while (pairs.Count < count - withoutAccess)
        {
            if (facts.DrawAccessPair(_random) is { } pair)
            {
                if (await CheckAsync(pair.Viewer, pair.AssistantId) == AccessLevel.None)
                {
                    throw new InvalidOperationException($"The resolver gives {pair.Viewer} no access on {pair.AssistantId}, which the data grants.");
                }
                pairs.Add(pair);
            }
        }
        while (pairs.Count < count)
        {
            var viewer = facts.Users[_random.Next(facts.Users.Length)];
            var assistant = facts.Assistants[_random.Next(facts.Assistants.Length)].Id;
            if (await CheckAsync(viewer, assistant) == AccessLevel.None)
            {
                pairs.Add((viewer, assistant));
            }
        }
        return pairs.OrderBy(_ => _random.Next()).ToList();
    }
}
