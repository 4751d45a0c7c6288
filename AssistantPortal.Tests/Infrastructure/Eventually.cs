using System.Diagnostics;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>Waits for a condition instead of sleeping a fixed time: fast when things are fast, patient when slow.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> after the timeout.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        // Checks the condition every 25 ms: a wait for a condition, ended as soon as it holds.
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(25));
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0.#} s waiting until {what}.");
            }
            await poll.WaitForNextTickAsync();
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout);
}
