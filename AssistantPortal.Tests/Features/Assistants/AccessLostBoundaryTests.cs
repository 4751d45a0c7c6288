using AssistantPortal.Features.Access;
using AssistantPortal.Features.Assistants;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace AssistantPortal.Tests.Features.Assistants;

/// <summary>
/// A tab whose own authorization refuses because access was taken away meanwhile makes the assistant page resolve
/// again, instead of ending the circuit (found on PostgreSQL, where a tab's load is still in flight when the
/// revocation commits).
/// </summary>
public sealed class AccessLostBoundaryTests : BunitTestBase
{
    [Fact]
    public void TabRefusedWhileLoading_AsksThePageToResolveAgain_AndShowsNoData()
    {
        var asked = 0;

        var cut = Render<AccessLostBoundary>(p => p
            .Add(b => b.OnAccessLost, () => { asked++; })
            .AddChildContent<ThrowingTab>(t => t.Add(x => x.Failure, new AssistantNotFoundException(7))));

        cut.WaitForAssertion(() => Assert.Equal(1, asked));
        Assert.Contains("Your access to this assistant changed", cut.Find("[data-testid=access-changed]").TextContent);
        Assert.DoesNotContain("tab data", cut.Markup);
    }

    [Fact]
    public void TabFailingOtherwise_ShowsAnErrorInTheTabAlone_AndDoesNotResolveAgain()
    {
        var asked = 0;

        var cut = Render<AccessLostBoundary>(p => p
            .Add(b => b.OnAccessLost, () => { asked++; })
            .AddChildContent<ThrowingTab>(t => t.Add(x => x.Failure, new InvalidOperationException("boom"))));

        cut.WaitForAssertion(() => Assert.Contains("Something went wrong in this tab", cut.Markup));
        Assert.Equal(0, asked);
        Assert.DoesNotContain("boom", cut.Markup);
    }

    [Fact]
    public void TabThatLoads_IsShownAsItIs()
    {
        var cut = Render<AccessLostBoundary>(p => p.AddChildContent<ThrowingTab>());

        cut.WaitForAssertion(() => Assert.Contains("tab data", cut.Markup));
    }

    /// <summary>A tab whose load fails with <see cref="Failure"/> after a real await, as a database call would.</summary>
    private sealed class ThrowingTab : ComponentBase
    {
        [Parameter] public Exception? Failure { get; set; }

        protected override async Task OnInitializedAsync()
        {
            await Task.Yield();
            if (Failure is not null)
            {
                throw Failure;
            }
        }

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder) =>
            builder.AddContent(0, "tab data");
    }
}
