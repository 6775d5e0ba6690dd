using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Tests.Support;

namespace UmbracoPersonalization.Core.Tests.Experiences;

public class DefinitionSnapshotHolderTests
{
    [Fact]
    public void Current_Initially_IsEmpty()
    {
        Assert.Same(DefinitionSnapshot.Empty, new DefinitionSnapshotHolder().Current);
    }

    [Fact]
    public void Replace_OlderVersion_IsRefused()
    {
        var holder = new DefinitionSnapshotHolder();
        var newer = DefinitionSnapshot.Compile(TestDefinitions.Set() with { Version = 5 });
        Assert.True(holder.Replace(newer));

        Assert.False(holder.Replace(DefinitionSnapshot.Compile(TestDefinitions.Set() with { Version = 4 })));
        Assert.Same(newer, holder.Current);
    }

    [Fact]
    public void Update_InvalidDefinitions_KeepsCurrentSnapshot()
    {
        var holder = new DefinitionSnapshotHolder();
        var current = holder.Update(TestDefinitions.Set());

        Assert.Throws<DefinitionValidationException>(() => holder.Update(new DefinitionSet([new("bad", "Bad", "[")], [], 9)));
        Assert.Same(current, holder.Current);
    }

    [Fact]
    public async Task Update_WhileRequestsDecide_EveryDecisionIsConsistent()
    {
        var enabled = TestDefinitions.Set() with { Version = 1 };
        var (personalizer, holder, _) = TestDefinitions.Personalizer(enabled);
        var snapshots = Enumerable.Range(2, 200)
            .Select(v => DefinitionSnapshot.Compile(TestDefinitions.Set(TestDefinitions.Hero(enabled: v % 2 == 0)) with { Version = v }))
            .ToArray();
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var decisions = 0;

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var decision = personalizer.Decide("home-hero", TestDefinitions.Context(visits: 3));
                var ok = decision.Variant?.Key switch
                {
                    "welcome-back" => !decision.IsFallback,
                    "default" => decision.IsFallback && decision.Reasons[^1].Message.Contains("disabled", StringComparison.Ordinal),
                    _ => false,
                };
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }

                Interlocked.Increment(ref decisions);
            }
        })).ToArray();

        foreach (var snapshot in snapshots)
        {
            Assert.True(holder.Replace(snapshot));
            var seen = Volatile.Read(ref decisions);
            SpinWait.SpinUntil(() => Volatile.Read(ref decisions) > seen, 100);
        }

        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.True(decisions > 0);
        Assert.Equal(0, failures);
        Assert.Equal(201, holder.Current.Version);
    }
}
