using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Pages;

/// <summary>The assistant page's Knowledge tab: documents the chat answers from.</summary>
public sealed class KnowledgeTab(IPage page)
{
    public ILocator Documents => page.GetByTestId("knowledge-documents");

    public ILocator Document(string fileName) =>
        page.GetByTestId("knowledge-file").Filter(new() { HasTextString = fileName });

    /// <summary>Uploads a plain-text document through the file input and waits until it is listed.</summary>
    public async Task UploadTextAsync(string fileName, string text)
    {
        // Files set before Blazor's InputFile script has hooked the input's change event are lost: wait for the hook.
        await page.WaitForFunctionAsync(
            "() => document.querySelector('[data-testid=knowledge-upload]')?._blazorInputFileNextFileId !== undefined");
        await page.GetByTestId("knowledge-upload").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes(text),
        });
        await Expect(Document(fileName)).ToBeVisibleAsync();
    }

    /// <summary>Deletes a document, confirming in the dialog, and waits until it is no longer listed.</summary>
    public async Task DeleteAsync(string fileName)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {fileName}", Exact = true }).ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(Document(fileName)).ToHaveCountAsync(0);
    }
}
