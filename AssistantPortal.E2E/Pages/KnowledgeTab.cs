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
        await page.GetByTestId("knowledge-upload").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes(text),
        });
        await Expect(Document(fileName)).ToBeVisibleAsync();
    }
}
