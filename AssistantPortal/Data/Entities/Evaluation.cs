namespace AssistantPortal.Data;

/// <summary>
/// One question of an assistant's evaluation test set (SPEC §8.4), with what a good answer holds: an
/// expected answer, expected key phrases, or both.
/// </summary>
public class EvaluationTestCase
{
    public int Id { get; set; }

    public int AssistantId { get; set; }
    public Assistant Assistant { get; set; } = null!;

    public string Question { get; set; } = "";

    /// <summary>The answer a good reply resembles (scored by word overlap); empty when only key phrases count.</summary>
    public string ExpectedAnswer { get; set; } = "";

    /// <summary>Phrases a good reply contains, one per line, kept as text; empty when only the expected answer counts.</summary>
    public string KeyPhrases { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>One run of an assistant's test set: every question asked once, every answer scored.</summary>
public class EvaluationRun
{
    public int Id { get; set; }

    public int AssistantId { get; set; }
    public Assistant Assistant { get; set; } = null!;

    public DateTime StartedAt { get; set; }

    /// <summary>When the last answer was scored; null while the run is going (or if it was cut off).</summary>
    public DateTime? FinishedAt { get; set; }

    public string? StartedByUserId { get; set; }

    /// <summary>The starter's name as it was at the time, so the list survives the account.</summary>
    public string StartedByName { get; set; } = "";

    /// <summary>The mean score of the results, from 0 to 1.</summary>
    public double Score { get; set; }

    public int PassedCount { get; set; }

    public int CaseCount { get; set; }

    /// <summary>Questions that passed in the previous finished run and fail in this one.</summary>
    public int RegressionCount { get; set; }

    public List<EvaluationResult> Results { get; set; } = [];
}

/// <summary>The answer one question got in one run, and how it scored.</summary>
public class EvaluationResult
{
    public long Id { get; set; }

    public int RunId { get; set; }
    public EvaluationRun Run { get; set; } = null!;

    /// <summary>The test case asked; null once the case was deleted (the copied question stays).</summary>
    public int? TestCaseId { get; set; }

    /// <summary>The question as it was asked in this run.</summary>
    public string Question { get; set; } = "";

    public string Answer { get; set; } = "";

    public bool Passed { get; set; }

    /// <summary>From 0 to 1.</summary>
    public double Score { get; set; }

    /// <summary>How the score was reached (which phrases were missing, the word overlap), for people to read.</summary>
    public string Details { get; set; } = "";

    /// <summary>True when the same test case passed in the previous finished run and fails in this one.</summary>
    public bool Regressed { get; set; }
}
