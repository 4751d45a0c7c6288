using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantPortal.Benchmarks;

/// <summary>One entry's latencies in microseconds. <see cref="Rps"/> is for throughput entries and left out when unset.</summary>
public sealed record EntryResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("p50_us")] double P50Us,
    [property: JsonPropertyName("p95_us")] double P95Us,
    [property: JsonPropertyName("p99_us")] double P99Us,
    [property: JsonPropertyName("rps"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Rps = null)
{
    public static EntryResult From(string name, long[] ticks)
    {
        var sorted = ticks.Order().ToArray();
        // Nearest rank: the smallest sample with at least q of all samples at or below it.
        double Percentile(double q) => Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)] * 1_000_000.0 / Stopwatch.Frequency, 1);
        return new EntryResult(name, sorted.Length, Percentile(0.50), Percentile(0.95), Percentile(0.99));
    }
}

public static class Report
{
    private static readonly Dictionary<string, string> Targets = new()
    {
        ["check"] = "p99 <= 1000",
        ["list"] = "p95 <= 20000",
        ["share-org"] = "p95 <= 200000",
        ["api-get"] = "rps >= 5000",
        ["api-chat"] = "rps >= 1000",
    };

    public static void Print(IReadOnlyList<EntryResult> results, Scale scale, string database)
    {
        Console.WriteLine();
        Console.WriteLine($"scale {scale}, {database}, times in microseconds");
        Console.WriteLine($"{"entry",-12} {"n",7} {"p50_us",10} {"p95_us",10} {"p99_us",10} {"rps",9}  target");
        foreach (var r in results)
        {
            var target = Targets.TryGetValue(r.Name, out var t) ? $"{t} {(Meets(r) ? "met" : "MISSED")}" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Name,-12} {r.N,7} {r.P50Us,10:F1} {r.P95Us,10:F1} {r.P99Us,10:F1} {(r.Rps is { } rps ? rps.ToString("F1", CultureInfo.InvariantCulture) : ""),9}  {target}"));
        }
        Console.WriteLine();
    }

    private static bool Meets(EntryResult r) => r.Name switch
    {
        "check" => r.P99Us <= 1000,
        "list" => r.P95Us <= 20000,
        "share-org" => r.P95Us <= 200000,
        "api-get" => r.Rps >= 5000,
        "api-chat" => r.Rps >= 1000,
        _ => true,
    };

    public static async Task WriteJsonAsync(IReadOnlyList<EntryResult> results, string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        await using var stream = File.Create(file);
        await JsonSerializer.SerializeAsync(stream, results, new JsonSerializerOptions { WriteIndented = true });
    }
}
