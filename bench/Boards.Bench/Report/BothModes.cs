namespace Boards.Bench.Report;

/// <summary>
/// The end of ./bench.sh --mode both: reads the services run's and the monolith run's results, prints them side by side
/// and both summary lines, and writes both runs and the comparison to one file.
/// </summary>
public static class BothModes
{
    public const string Option = "--compare";

    public static async Task<int> RunAsync(string servicesFile, string monolithFile, string output)
    {
        var services = await BenchJson.ReadAsync(servicesFile);
        var monolith = await BenchJson.ReadAsync(monolithFile);
        if (services.Mode != BenchMode.Services.Name() || monolith.Mode != BenchMode.Monolith.Name())
        {
            await Console.Error.WriteLineAsync($"--compare necesita primero una corrida services y luego una monolith (se recibieron {services.Mode} y {monolith.Mode}).");
            return 2;
        }

        var rows = ModeComparison.Rows(services, monolith);
        await BenchJson.WriteAsync(output, new BothResults("both", rows, services, monolith));
        Console.WriteLine();
        if (services.Quick != monolith.Quick)
        {
            Console.WriteLine("Atención: una corrida fue rápida y la otra completa; las cifras no son comparables.");
        }

        Console.WriteLine(ModeComparison.Render(services, monolith, rows));
        Console.WriteLine($"Resultados de ambas (results of both): {output}");
        Console.WriteLine(ModeComparison.FinalLines(services, monolith));
        return 0;
    }
}
