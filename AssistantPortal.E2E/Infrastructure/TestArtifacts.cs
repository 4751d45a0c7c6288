namespace AssistantPortal.E2E.Infrastructure;

/// <summary>Where failure evidence goes: <c>TestResults/e2e</c> at the repository root, beside the TRX files.</summary>
public static class TestArtifacts
{
    public static string Folder { get; } = Resolve();

    /// <summary>A file name made from a test's display name, safe on every file system.</summary>
    public static string PathFor(string testName, string suffix)
    {
        var safe = new string(testName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        if (safe.Length > 150)
        {
            safe = safe[^150..];
        }
        Directory.CreateDirectory(Folder);
        return Path.Combine(Folder, safe + suffix);
    }

    private static string Resolve()
    {
        var configured = Environment.GetEnvironmentVariable("E2E_ARTIFACTS");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AssistantPortal.sln")))
            {
                return Path.Combine(dir.FullName, "TestResults", "e2e");
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "TestResults", "e2e");
    }
}
