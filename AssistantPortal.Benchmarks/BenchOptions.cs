namespace AssistantPortal.Benchmarks;

/// <summary>
/// The command line: <c>--scale S|M --out FILE [--data DIR] [--seed N] [--only ENTRY,...] [--postgresql CONNECTION]</c>.
/// With <c>--postgresql</c>, the resolver entries run on that PostgreSQL server (a database named
/// <c>assistantportal_bench_{scale}</c> is made there, reused by later runs); the app entries stay on SQLite.
/// </summary>
public sealed record BenchOptions(Scale Scale, string OutFile, string? DataDir, int Seed, IReadOnlySet<string> Entries, string? PostgreSql = null)
{
    /// <summary>The resolver entries, on the generated installation.</summary>
    public static readonly string[] ResolverEntries = ["check", "list", "list-admin", "floor"];

    /// <summary>The entries that run the whole app (<see cref="AppWorkload"/>).</summary>
    public static readonly string[] AppEntries = ["share-org", "api-get", "api-chat"];

    public static BenchOptions Parse(string[] args)
    {
        var scale = Scale.M;
        string? outFile = null;
        string? dataDir = null;
        var seed = 20261123;
        var entries = new HashSet<string>([.. ResolverEntries, .. AppEntries]);
        string? postgreSql = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--scale":
                    scale = Next().ToUpperInvariant() switch
                    {
                        "S" => Scale.S,
                        "M" => Scale.M,
                        var other => throw new ArgumentException($"Unknown scale '{other}': use S or M."),
                    };
                    break;
                case "--out":
                    outFile = Next();
                    break;
                case "--data":
                    dataDir = Next();
                    break;
                case "--postgresql":
                    postgreSql = Next();
                    break;
                case "--seed":
                    seed = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--only":
                    entries = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    if (entries.FirstOrDefault(e => !ResolverEntries.Contains(e) && !AppEntries.Contains(e)) is { } unknown)
                    {
                        throw new ArgumentException($"Unknown entry '{unknown}'.");
                    }
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }
        if (postgreSql is not null)
        {
            if (entries.FirstOrDefault(AppEntries.Contains) is { } appEntry && args.Contains("--only"))
            {
                throw new ArgumentException($"'{appEntry}' runs the app on SQLite; with --postgresql choose among {string.Join(", ", ResolverEntries)}.");
            }
            entries.ExceptWith(AppEntries);
        }
        return new BenchOptions(scale, outFile ?? throw new ArgumentException("--out FILE is required."), dataDir, seed, entries, postgreSql);
    }

    public const string Usage = "usage: dotnet run -c Release --project AssistantPortal.Benchmarks -- --scale S|M --out FILE [--data DIR] [--seed N] [--only ENTRY,...] [--postgresql CONNECTION]";
}

/// <summary>How much data to generate. S is a tenth of M.</summary>
public enum Scale
{
    S,
    M,
}

/// <summary>Row counts of one scale.</summary>
public sealed record ScaleSizes(int Users, int Organizations, int Teams, int Projects, int Assistants, int Grants)
{
    public static ScaleSizes For(Scale scale) => scale switch
    {
        Scale.M => new(10_000, 100, 1_000, 2_000, 50_000, 200_000),
        Scale.S => new(1_000, 10, 100, 200, 5_000, 20_000),
        _ => throw new ArgumentOutOfRangeException(nameof(scale)),
    };
}
