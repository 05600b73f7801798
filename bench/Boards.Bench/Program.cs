using System.Diagnostics;
using System.Globalization;
using Boards.Bench;
using Boards.Bench.Infrastructure;
using Boards.Bench.Infrastructure.Cpu;
using Boards.Bench.MailRelay;
using Boards.Bench.Report;
using Boards.Bench.Stages;

// The benchmark harness (docs/performance.md): run by ./bench.sh against a system that is already up.
if (args is [MailRelayStandIn.Option, var relayPort])
{
    return await MailRelayStandIn.RunAsync(int.Parse(relayPort, CultureInfo.InvariantCulture));
}

if (args is [BothModes.Option, var servicesFile, var monolithFile, "--results-file", var bothFile])
{
    return await BothModes.RunAsync(servicesFile, monolithFile, bothFile);
}

BenchOptions options;
BenchMode mode;
try
{
    options = BenchOptions.Parse(args);
    var found = OperatingSystem.IsLinux() && File.Exists("/proc/stat") ? BenchModes.Detect(SystemProcesses.Find(options).Anchors.Values) : null;
    mode = BenchModes.Resolve(options.Mode, found);
    Console.WriteLine($"Modo (mode): {mode.Name()} ({BenchModes.HowKnown(options.Mode, found)})");
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

var startedAt = DateTimeOffset.UtcNow;
var clock = Stopwatch.StartNew();
var progress = new Progress();
using var system = new SystemUnderTest(options);
var machine = await Machine.DescribeAsync(options);
var focalPoints = await system.FocalPointsAsync(CancellationToken.None);
await system.OfferServiceAsync(focalPoints.Select(f => f.Municipality), CancellationToken.None);
progress.Detail($"{focalPoints.Count} puntos focales con token; {machine.Cores} núcleos, {machine.MemoryGiB} GiB");

var warmUp = await WarmUp.RunAsync(system, focalPoints, progress);
var baseline = await BaselineInsert.RunAsync(options, progress);
var echo = await EchoBaseline.RunAsync(system, focalPoints, progress);
var idle = await IdleSystem.RunAsync(options, progress);
var single = await SingleCreate.RunAsync(system, focalPoints, progress);
var (creates, cpu) = await DurableCreate.RunAsync(system, focalPoints, progress);
var lag = await EventLag.RunAsync(system, focalPoints, progress);
var national = await NationalTable.RunAsync(system, progress);
var paging = await DeepPaging.RunAsync(system, focalPoints.FirstOrDefault(f => f.Municipality == "alto-vera") ?? focalPoints[0], progress);
var batch = await BatchCreate.RunAsync(system, focalPoints[0], progress);
var memory = ResidentMemory.Run(options, progress);

var summary = Targets.Check(mode, baseline, single, creates, cpu, lag, national, paging, batch, memory);
var results = new BenchResults(startedAt, Math.Round(clock.Elapsed.TotalSeconds, 1), options.Quick, mode.Name(), options.GatewayUrl.ToString(), options.SystemSetup, machine,
    warmUp, baseline, echo, idle, single, creates, cpu, lag, national, paging, batch, memory, summary);

var file = options.ResultsFile ?? Path.Combine(options.ResultsDirectory,
    $"{startedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{mode.Name()}{(options.Quick ? "-quick-run" : "-full-run")}.json");
await BenchJson.WriteAsync(file, results);

Console.WriteLine();
Console.WriteLine(ResultsTable.Render(results));
Console.WriteLine($"Resultados (results): {file}");
Console.WriteLine(summary.FinalLine());
return 0;
