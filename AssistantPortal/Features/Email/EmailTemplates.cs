using System.Net;
using AssistantPortal.Data;

namespace AssistantPortal.Features.Email;

/// <summary>
/// The emails of SPEC §6, one method per event, each with a plain-text and an HTML body of the same
/// message. Every value that came from a person (names, assistant names) is HTML-encoded in the HTML body.
/// Link arguments are absolute or app-relative addresses; relative ones are made
/// absolute with <c>Portal:PublicBaseUrl</c> by the caller (see <see cref="Absolute"/>).
/// </summary>
public static class EmailTemplates
{
    /// <summary>Someone shared an assistant with the recipient: directly, or through a team or organization.
    /// The <c>through</c> argument is null for a direct share, otherwise e.g. "the team Support" or "the organization Contoso".</summary>
    public static EmailMessage SharedWithYou(string to, string sharerName, string assistantName, AccessLevel level, string? through, string link)
    {
        var how = through is null ? "with you" : $"with {through}, which you belong to";
        var subject = $"{sharerName} shared \"{assistantName}\" {(through is null ? "with you" : "with " + through)}";
        var text = $"{sharerName} shared the assistant \"{assistantName}\" {how}.\nYour access: {Describe(level)}.\n\nOpen it: {link}\n";
        var html = Wrap($"<p><strong>{E(sharerName)}</strong> shared the assistant <strong>{E(assistantName)}</strong> {E(how)}.</p>"
            + $"<p>Your access: {E(Describe(level))}.</p>" + Button(link, "Open the assistant"));
        return new EmailMessage(to, subject, text, html);
    }

    /// <summary>A share request waits for the recipient's review in their Inbox.</summary>
    public static EmailMessage RequestAwaitsReview(string to, string requesterName, string assistantName, AccessLevel level, string targetDescription, string inboxLink)
    {
        var subject = $"Review requested: share \"{assistantName}\" with {targetDescription}";
        var text = $"{requesterName} asks to share the assistant \"{assistantName}\" with {targetDescription} ({Describe(level)}).\n"
            + $"Approve or delete the request in your Inbox: {inboxLink}\n";
        var html = Wrap($"<p><strong>{E(requesterName)}</strong> asks to share the assistant <strong>{E(assistantName)}</strong> "
            + $"with {E(targetDescription)} ({E(Describe(level))}).</p>" + Button(inboxLink, "Open the Inbox"));
        return new EmailMessage(to, subject, text, html);
    }

    /// <summary>The recipient's share request was approved.</summary>
    public static EmailMessage RequestApproved(string to, string deciderName, string assistantName, string targetDescription, string link)
    {
        var subject = $"Approved: \"{assistantName}\" shared with {targetDescription}";
        var text = $"{deciderName} approved your request to share \"{assistantName}\" with {targetDescription}.\n\nOpen it: {link}\n";
        var html = Wrap($"<p><strong>{E(deciderName)}</strong> approved your request to share <strong>{E(assistantName)}</strong> "
            + $"with {E(targetDescription)}.</p>" + Button(link, "Open the assistant"));
        return new EmailMessage(to, subject, text, html);
    }

    /// <summary>The recipient's share request was deleted (declined).</summary>
    public static EmailMessage RequestDeleted(string to, string deciderName, string assistantName, string targetDescription, string link)
    {
        var subject = $"Declined: sharing \"{assistantName}\" with {targetDescription}";
        var text = $"{deciderName} deleted your request to share \"{assistantName}\" with {targetDescription}. Nothing was shared.\n\n{link}\n";
        var html = Wrap($"<p><strong>{E(deciderName)}</strong> deleted your request to share <strong>{E(assistantName)}</strong> "
            + $"with {E(targetDescription)}. Nothing was shared.</p>" + Button(link, "Open the assistant"));
        return new EmailMessage(to, subject, text, html);
    }

    /// <summary>Makes an app-relative link absolute with the configured public base address, if any.</summary>
    public static string Absolute(string? publicBaseUrl, string relative) =>
        string.IsNullOrWhiteSpace(publicBaseUrl) ? relative : publicBaseUrl.TrimEnd('/') + "/" + relative.TrimStart('/');

    /// <summary>How an access level reads in prose.</summary>
    public static string Describe(AccessLevel level) => level switch
    {
        AccessLevel.UseOnly => "Use only",
        AccessLevel.ReadOnly => "Read only",
        AccessLevel.ReadWrite => "Read and write",
        AccessLevel.Owner => "Owner",
        _ => "No access",
    };

    private static string E(string value) => WebUtility.HtmlEncode(value);

    private static string Button(string link, string label) =>
        $"<p><a href=\"{E(link)}\" style=\"display:inline-block;padding:8px 16px;background:#594ae2;color:#fff;border-radius:4px;text-decoration:none\">{E(label)}</a></p>";

    private static string Wrap(string body) =>
        "<!DOCTYPE html><html><body style=\"font-family:Segoe UI,Roboto,Arial,sans-serif;font-size:14px;color:#222\">"
        + body + "<p style=\"color:#888;font-size:12px\">AssistantPortal</p></body></html>";
}
