namespace AssistantPortal.Features.Sharing;

/// <summary>What a sharing or approval command did.</summary>
public enum SharingOutcome
{
    /// <summary>Nothing: the input was refused (see <see cref="SharingResult.Error"/>).</summary>
    None = 0,
    Granted,
    /// <summary>A share request was created and waits for an approver (SPEC §4.2, §4.3).</summary>
    PendingReview,
    Changed,
    /// <summary>The level asked for is the level the grant already has.</summary>
    Unchanged,
    Removed,
    Withdrawn,
    Approved,
    Deleted,
}

/// <summary>The form fields a message can belong to, so the UI shows it next to the right one.</summary>
public enum SharingField
{
    None = 0,
    /// <summary>The user, team or organization typed.</summary>
    Target,
    Level,
    /// <summary>An existing grant or share request.</summary>
    Existing,
}

/// <summary>
/// The answer of a sharing command: what happened, or a clear message for the field that was wrong
/// (SPEC §10). A refused command has changed nothing. Denial of the command itself is not a result:
/// it throws <see cref="Access.AssistantNotFoundException"/>, so the viewer learns nothing.
/// </summary>
public sealed record SharingResult(SharingOutcome Outcome, SharingField Field = SharingField.None, string? Error = null)
{
    public bool Succeeded => Error is null;

    public static SharingResult Done(SharingOutcome outcome) => new(outcome);

    public static SharingResult Fail(SharingField field, string error) => new(SharingOutcome.None, field, error);
}
