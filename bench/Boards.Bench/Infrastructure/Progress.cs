namespace Boards.Bench.Infrastructure;

/// <summary>One line per step, "[3/6] Creación durable, concurrencia 8 …", flushed at once so a slow step shows.</summary>
public sealed class Progress
{
    public const int Stages = 6;

    private readonly DateTime _started = DateTime.UtcNow;

    public void Stage(int stage, string title) => Write($"[{stage}/{Stages}] {title} …");

    public void Detail(string text) => Write($"      {text}");

    private void Write(string line)
    {
        Console.WriteLine($"{line}  (+{(DateTime.UtcNow - _started).TotalSeconds:0}s)");
        Console.Out.Flush();
    }
}
