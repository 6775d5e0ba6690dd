namespace UmbracoPersonalization.Persistence.Tests.Infrastructure;

/// <summary>Awaits a condition with a bounded timeout (no fixed sleeps: returns as soon as it holds).</summary>
internal static class Eventually
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(25);
        }
    }
}
