using System.Diagnostics;

namespace UmbracoPersonalization.Site.Tests.Infrastructure;

/// <summary>Waits for work done in the background (the event worker) by polling a condition, never by sleeping blindly.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Polls <paramref name="probe"/> until it returns a value satisfying <paramref name="done"/>, and returns that
    /// value; fails the test with <paramref name="what"/> and the last value when the timeout passes.
    /// </summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (watch.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}; last value: {value}");
            }

            await Task.Delay(Interval);
        }
    }
}
