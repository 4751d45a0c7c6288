using AssistantPortal.Features.Access;
using Microsoft.AspNetCore.Components;

namespace AssistantPortal.Features.Organizations.Pages;

/// <summary>
/// A detail page that reloads when memberships change anywhere (<see cref="IAccessChangeEvents.PublishAll"/>),
/// so a person who loses a role while the page is open loses its controls too; the commands refuse anyway.
/// </summary>
public abstract class LiveMembershipPage : ComponentBase, IDisposable
{
    [Inject] private IAccessChangeEvents AccessEvents { get; set; } = null!;

    protected override void OnInitialized() => AccessEvents.Changed += OnAccessChanged;

    /// <summary>Loads what the page shows, for the current viewer.</summary>
    protected abstract Task LoadAsync();

    private void OnAccessChanged(int? assistantId)
    {
        if (assistantId is null)
        {
            _ = InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
    }

    public void Dispose() => AccessEvents.Changed -= OnAccessChanged;
}
