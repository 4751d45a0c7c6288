using MudBlazor;

namespace AssistantPortal.Features.Admin;

/// <summary>Helpers for the admin sections' server-paged tables.</summary>
public static class AdminTables
{
    /// <summary>
    /// Reloads a table after its filter changed, from the first page: the page it showed may hold nothing
    /// under the new filter.
    /// </summary>
    public static async Task FirstPageAsync<T>(MudTable<T>? table)
    {
        if (table is null)
        {
            return;
        }
        if (table.CurrentPage != 0)
        {
            table.NavigateTo(0);
        }
        await table.ReloadServerData();
    }
}
