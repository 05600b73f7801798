namespace Boards.EndToEnd.Tests;

/// <summary>Polls until a condition holds, for what travels through RabbitMQ; bounded in time.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var last = await probe();
        while (!condition(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what ?? "a condition"}; last value: {last}");
            }

            await Task.Delay(250);
            last = await probe();
        }

        return last;
    }
}
