using System.Text;
using AssistantPortal.Features.Knowledge;

namespace AssistantPortal.Tests.Chat;

/// <summary>Reading uploads: supported types become text; anything else is refused with a reason.</summary>
public sealed class DocumentTextTests
{
    [Fact]
    public void Markdown_becomes_plain_text_without_markup()
    {
        var result = DocumentText.Extract("guide.md", Encoding.UTF8.GetBytes("# Title\n\nSome **bold** text and a [link](http://x.test)."));

        Assert.True(result.Succeeded);
        Assert.Equal(DocumentText.Markdown, result.ContentType);
        Assert.Contains("Some bold text and a link.", result.Text);
        Assert.DoesNotContain("**", result.Text);
    }

    [Theory]
    [InlineData("virus.exe", "Only plain text (.txt), Markdown (.md) and PDF (.pdf) files can be added.")]
    [InlineData("empty.txt", "The file contains no text to learn from.")]
    [InlineData("broken.pdf", "The PDF could not be read; it may be damaged or protected.")]
    public void Unsupported_empty_or_corrupt_uploads_are_refused(string fileName, string message)
    {
        var content = fileName == "broken.pdf" ? Encoding.ASCII.GetBytes("%PDF-1.7 this is not really a pdf") : Encoding.UTF8.GetBytes(fileName == "empty.txt" ? " \n\n " : "MZ");

        var result = DocumentText.Extract(fileName, content);

        Assert.False(result.Succeeded);
        Assert.Equal(message, result.Error);
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        var result = DocumentText.Extract("notes.txt", [0x48, 0xC3, 0x28, 0x6F]);

        Assert.Equal("The file is not valid UTF-8 text.", result.Error);
    }

    [Fact]
    public void Passages_respect_the_target_length_and_keep_every_word()
    {
        var text = string.Join("\n\n", Enumerable.Range(1, 40).Select(i => $"Paragraph {i} says something useful about topic {i}. It has a second sentence too."));

        var passages = PassageSplitter.Split(text, 300);

        Assert.All(passages, p => Assert.InRange(p.Length, 1, 300));
        Assert.Equal(
            text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries),
            passages.SelectMany(p => p.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
    }
}
