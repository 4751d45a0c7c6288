using System.Diagnostics;
using System.Globalization;
using MimeKit;

namespace AssistantPortal.E2E.Infrastructure;

/// <summary>
/// A real SMTP server on a free loopback port (aiosmtpd under <c>/usr/bin/python3</c>) that saves every
/// message it receives as an <c>.eml</c> file. Point the app at it with
/// <see cref="KestrelAppFactory.UseSmtp(SmtpSink)"/>; <see cref="StopAsync"/> and <see cref="StartAsync()"/>
/// take it down and bring it back on the same port, as a mail server that is briefly unreachable.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private Process? _process;

    private SmtpSink(string folder) => Folder = folder;

    public string Host => "127.0.0.1";

    /// <summary>The port, fixed at the first start so a restarted sink is found where the app expects it.</summary>
    public int Port { get; private set; }

    /// <summary>The folder that holds one <c>.eml</c> file per received message.</summary>
    public string Folder { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a sink on a free port with its own temporary folder.</summary>
    public static async Task<SmtpSink> StartNewAsync()
    {
        var sink = new SmtpSink(Path.Combine(Path.GetTempPath(), "ap-e2e-smtp", Guid.NewGuid().ToString("N")));
        await sink.StartAsync();
        return sink;
    }

    /// <summary>Starts the server process (again), on the same port after the first start.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }
        Directory.CreateDirectory(Folder);
        var script = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "smtp_sink.py");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true, // closing it tells the sink to exit, even if this process dies
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(Folder);
        start.ArgumentList.Add(Port.ToString(CultureInfo.InvariantCulture));

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        _process = process;
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null || !line.StartsWith("LISTENING ", StringComparison.Ordinal))
            {
                var error = await process.StandardError.ReadToEndAsync(timeout.Token);
                throw new InvalidOperationException($"The SMTP sink did not start: {line} {error}".Trim());
            }
            Port = int.Parse(line["LISTENING ".Length..], CultureInfo.InvariantCulture);
        }
        catch
        {
            await StopAsync();
            throw;
        }
    }

    /// <summary>Stops the server; connections to its port are refused until <see cref="StartAsync()"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }
        _process = null;
        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.Close();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.EnumerateFiles(Folder, "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(path => MimeMessage.Load(path))
            .ToList();

    /// <summary>Waits until a message matching <paramref name="match"/> has arrived and returns it.</summary>
    public async Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        using var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(Folder, "*.eml") { EnableRaisingEvents = true };
        watcher.Renamed += (_, _) => changed.Release();
        watcher.Created += (_, _) => changed.Release();
        while (true)
        {
            if (Messages().FirstOrDefault(match) is { } found)
            {
                return found;
            }
            var left = limit - deadline.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                var seen = string.Join("; ", Messages().Select(m => $"{m.To} \"{m.Subject}\""));
                throw new TimeoutException($"No matching email within {limit.TotalSeconds:0} s. Received: {(seen.Length == 0 ? "none" : seen)}");
            }
            // A file event wakes us at once; the periodic look is a safety net for missed events.
            await changed.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
