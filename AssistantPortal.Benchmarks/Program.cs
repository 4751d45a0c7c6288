using AssistantPortal.Benchmarks;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var results = new List<EntryResult>();
if (BenchOptions.ResolverEntries.Any(options.Entries.Contains))
{
    await using var database = await BenchDatabase.OpenAsync(options);
    results.AddRange(await new Workload(database, options.Seed).RunAsync(options.Entries));
}
if (BenchOptions.AppEntries.Any(options.Entries.Contains))
{
    await using var app = new AppHost();
    results.AddRange(await new AppWorkload(app, options.Entries).RunAsync());
}
Report.Print(results, options.Scale, options.PostgreSql is null ? "SQLite" : "PostgreSQL");
await Report.WriteJsonAsync(results, options.OutFile);
Console.WriteLine($"wrote {Path.GetFullPath(options.OutFile)}");
return 0;
