using System.Text;
using AssistantPortal.Features.Chat;
using AssistantPortal.Features.Knowledge;
using Microsoft.Extensions.AI;

namespace AssistantPortal.Tests.Chat;

/// <summary>The offline engine: quotes the best sentences of the retrieved passages and cites them.</summary>
public sealed class OfflineEngineTests
{
    private static readonly RetrievedPassage Reset = new(1, 1, "handbook.md", 0,
        "Welcome to the helpdesk. To reset your password, open the account page and choose Forgot password. The link expires after one hour.", -2.0);

    private static readonly RetrievedPassage Holidays = new(2, 2, "holidays.txt", 3,
        "The office is closed on public holidays. Support answers emails within two working days.", -1.0);

    [Fact]
    public void Quotes_the_sentence_that_answers_and_cites_its_document()
    {
        var answer = OfflineAnswer.Compose("How do I reset my password?", "", [Reset]);

        Assert.Contains("To reset your password, open the account page and choose Forgot password.", answer.Text);
        Assert.DoesNotContain("Welcome to the helpdesk", answer.Text);
        Assert.Contains("[1] handbook.md", answer.Text);
    }

    [Fact]
    public void Says_nothing_was_found_when_no_sentence_shares_a_word()
    {
        var answer = OfflineAnswer.Compose("What is the capital of Peru?", "", [Holidays]);

        Assert.Equal(OfflineAnswer.NothingFound, answer.Text);
        Assert.Contains("No sentence matched", answer.ThoughtProcess);
    }

    [Fact]
    public void Brief_instructions_keep_only_the_best_quote()
    {
        var full = OfflineAnswer.Compose("password reset and support emails", "", [Reset, Holidays]);
        var brief = OfflineAnswer.Compose("password reset and support emails", "Be brief.", [Reset, Holidays]);

        Assert.Contains("[2] holidays.txt", full.Text);
        Assert.DoesNotContain("holidays.txt", brief.Text);
        Assert.Contains("[1] handbook.md", brief.Text);
    }

    [Fact]
    public void List_instructions_render_quotes_as_bullets()
    {
        var answer = OfflineAnswer.Compose("password reset and support emails", "Answer as a bullet list.", [Reset, Holidays]);

        Assert.StartsWith("- ", answer.Text);
        Assert.Contains("\n- Support answers emails within two working days. [2]", answer.Text);
    }

    [Fact]
    public async Task Streams_the_same_answer_as_the_whole_response_and_reports_its_thought_process()
    {
        using IChatClient client = new RetrievalChatClient();
        ChatMessage[] messages = [new(ChatRole.System, "Be helpful."), new(ChatRole.User, "reset password")];
        var options = new ChatOptions { AdditionalProperties = new() { [RetrievalChatClient.PassagesKey] = new[] { Reset } } };

        var whole = await client.GetResponseAsync(messages, options);
        var streamed = new StringBuilder();
        string? thought = null;
        var pieces = 0;
        await foreach (var update in client.GetStreamingResponseAsync(messages, options))
        {
            streamed.Append(update.Text);
            pieces++;
            if (update.AdditionalProperties?.TryGetValue(RetrievalChatClient.ThoughtProcessKey, out var t) == true)
            {
                thought = (string?)t;
            }
        }

        Assert.Equal(whole.Text, streamed.ToString());
        Assert.True(pieces > 5, "the answer arrives in pieces");
        Assert.Contains("Search terms: reset, password", thought);
    }

    [Fact]
    public async Task Stops_streaming_when_cancelled()
    {
        using IChatClient client = new RetrievalChatClient();
        var options = new ChatOptions { AdditionalProperties = new() { [RetrievalChatClient.PassagesKey] = new[] { Reset } } };
        using var stop = new CancellationTokenSource();
        var received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync([new(ChatRole.User, "reset password")], options, stop.Token))
            {
                if (++received == 2)
                {
                    stop.Cancel();
                }
            }
        });
        Assert.Equal(2, received);
    }
}
