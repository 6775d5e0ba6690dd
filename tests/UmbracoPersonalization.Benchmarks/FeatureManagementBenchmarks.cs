using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Benchmarks;

/// <summary>
/// The peer-cases targeting done with Microsoft.FeatureManagement's targeting filter, for the same visitor.
/// <para>
/// "Equivalent": FeatureManagement targets users and groups (an audience matches when the user or one of its groups
/// is listed), with no attributes, regexes, versions or numeric comparisons. So each top-level clause of a peer
/// condition becomes one group, and the visitor's <see cref="TargetingContext.Groups"/> holds the groups whose clause
/// the host found true for it beforehand (computed once in setup, not timed: this favours FeatureManagement). A
/// condition of N clauses becomes a feature with N targeting filters and <see cref="RequirementType.All"/>: the
/// same AND over the same number of clauses with the same outcome. The experiment becomes a feature with a 90%
/// default rollout (coverage 0.9) and a 34/33/33 percentile allocation seeded with the experiment key (FeatureManagement
/// hashes with SHA-256, so its variant for this visitor may differ from GrowthBook's).
/// </para>
/// <para>
/// <c>Filter*</c> calls <see cref="ContextualTargetingFilter.EvaluateAsync"/> once per clause with pre-bound settings
/// (its cheapest public path); <c>Manager*</c> asks <see cref="IVariantFeatureManager"/>, as an application does.
/// </para>
/// </summary>
[MemoryDiagnoser]
public class FeatureManagementBenchmarks
{
    private const string AssignmentFeature = "home-hero-test";
    private static readonly string[] CaseNames = ["simple", "three", "twenty"];

    private readonly Dictionary<string, FeatureFilterEvaluationContext[]> _clauses = new(StringComparer.Ordinal);
    private ContextualTargetingFilter _filter = null!;
    private TargetingContext _visitor = null!;
    private IVariantFeatureManager _manager = null!;
    private FeatureFilterEvaluationContext _rollout = null!;
    private ServiceProvider? _services;

    /// <summary>Turns each peer condition into single-group audiences and registers the features.</summary>
    [GlobalSetup]
    public void Setup()
    {
        using var cases = PeerCases.Load();
        var attributes = cases.ToAttributeDictionary();
        var groups = new List<string>();
        foreach (var member in cases.Attributes.GetProperty("memberGroups").EnumerateArray())
        {
            groups.Add(member.GetString()!);
        }

        var definitions = new List<FeatureDefinition>();
        foreach (var name in CaseNames)
        {
            var clauses = Clauses(cases.Conditions.GetProperty(name));
            var contexts = new FeatureFilterEvaluationContext[clauses.Count];
            for (var i = 0; i < clauses.Count; i++)
            {
                var group = $"{name}-{i:00}";
                if (Condition.Parse(clauses[i]).IsMatch(attributes))
                {
                    groups.Add(group);
                }

                contexts[i] = new FeatureFilterEvaluationContext { FeatureName = name, Settings = Audience(group, 0) };
            }

            _clauses[name] = contexts;
            definitions.Add(new FeatureDefinition
            {
                Name = name,
                RequirementType = RequirementType.All,
                EnabledFor = contexts.Select(c => new FeatureFilterConfiguration { Name = "Microsoft.Targeting", ParametersObject = c.Settings }).ToArray(),
            });
        }

        var experiment = cases.Experiment;
        var coverage = experiment.GetProperty("coverage").GetDouble();
        _rollout = new FeatureFilterEvaluationContext { FeatureName = AssignmentFeature, Settings = Audience(null, coverage * 100) };
        definitions.Add(AssignmentDefinition(experiment, _rollout.Settings!));

        _visitor = new TargetingContext { UserId = cases.Attributes.GetProperty("id").GetString(), Groups = groups };
        _filter = new ContextualTargetingFilter(Options.Create(new TargetingEvaluationOptions()), NullLoggerFactory.Instance);
        _services = new ServiceCollection()
            .AddSingleton<IFeatureDefinitionProvider>(new InMemoryFeatures(definitions))
            .AddLogging()
            .AddFeatureManagement()
            .Services.BuildServiceProvider();
        _manager = _services.GetRequiredService<IVariantFeatureManager>();
        foreach (var name in CaseNames)
        {
            if (!FilterAll(name).GetAwaiter().GetResult() || !_manager.IsEnabledAsync(name, _visitor).AsTask().GetAwaiter().GetResult())
            {
                throw new InvalidOperationException($"FeatureManagement is expected to target the peer visitor for '{name}'.");
            }
        }
    }

    /// <summary>Disposes the service provider.</summary>
    [GlobalCleanup]
    public void Cleanup() => _services?.Dispose();

    /// <summary>One group.</summary>
    /// <returns>Targeted.</returns>
    [Benchmark]
    public Task<bool> FilterSimple() => FilterAll("simple");

    /// <summary>Three groups, all required.</summary>
    /// <returns>Targeted.</returns>
    [Benchmark]
    public Task<bool> FilterThree() => FilterAll("three");

    /// <summary>Twenty groups, all required.</summary>
    /// <returns>Targeted.</returns>
    [Benchmark]
    public Task<bool> FilterTwenty() => FilterAll("twenty");

    /// <summary>The 90% rollout alone (SHA-256 of user id and feature name), the peer of hash + bucket.</summary>
    /// <returns>Targeted.</returns>
    [Benchmark]
    public Task<bool> FilterRollout() => _filter.EvaluateAsync(_rollout, _visitor);

    /// <summary>The feature manager, one targeting filter.</summary>
    /// <returns>Enabled.</returns>
    [Benchmark]
    public ValueTask<bool> ManagerSimple() => _manager.IsEnabledAsync("simple", _visitor);

    /// <summary>The feature manager, three targeting filters, all required.</summary>
    /// <returns>Enabled.</returns>
    [Benchmark]
    public ValueTask<bool> ManagerThree() => _manager.IsEnabledAsync("three", _visitor);

    /// <summary>The feature manager, twenty targeting filters, all required.</summary>
    /// <returns>Enabled.</returns>
    [Benchmark]
    public ValueTask<bool> ManagerTwenty() => _manager.IsEnabledAsync("twenty", _visitor);

    /// <summary>The feature manager's variant assignment (rollout + percentile allocation), the peer of an experiment run.</summary>
    /// <returns>The variant.</returns>
    [Benchmark]
    public ValueTask<Variant> ManagerAssignment() => _manager.GetVariantAsync(AssignmentFeature, _visitor, CancellationToken.None);

    private async Task<bool> FilterAll(string name)
    {
        foreach (var clause in _clauses[name])
        {
            if (!await _filter.EvaluateAsync(clause, _visitor).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private static TargetingFilterSettings Audience(string? group, double defaultRollout) => new()
    {
        Audience = new Audience
        {
            Groups = group is null ? [] : [new GroupRollout { Name = group, RolloutPercentage = 100 }],
            DefaultRolloutPercentage = defaultRollout,
        },
    };

    /// <summary>The top-level clauses: the items of a lone <c>$and</c>, else one per property.</summary>
    private static List<string> Clauses(JsonElement condition)
    {
        var clauses = new List<string>();
        if (condition.TryGetProperty("$and", out var all) && condition.EnumerateObject().Count() == 1)
        {
            clauses.AddRange(all.EnumerateArray().Select(item => item.GetRawText()));
            return clauses;
        }

        foreach (var property in condition.EnumerateObject())
        {
            clauses.Add($"{{{JsonSerializer.Serialize(property.Name)}:{property.Value.GetRawText()}}}");
        }

        return clauses;
    }

    private static FeatureDefinition AssignmentDefinition(JsonElement experiment, object rollout)
    {
        var weights = experiment.GetProperty("weights").EnumerateArray().Select(w => w.GetDouble()).ToArray();
        var variants = new List<VariantDefinition>();
        var percentiles = new List<PercentileAllocation>();
        var from = 0d;
        for (var i = 0; i < weights.Length; i++)
        {
            var to = i == weights.Length - 1 ? 100 : from + (weights[i] * 100);
            variants.Add(new VariantDefinition { Name = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            percentiles.Add(new PercentileAllocation { Variant = variants[i].Name, From = from, To = to });
            from = to;
        }

        return new FeatureDefinition
        {
            Name = AssignmentFeature,
            EnabledFor = [new FeatureFilterConfiguration { Name = "Microsoft.Targeting", ParametersObject = rollout }],
            Variants = variants,
            Allocation = new Allocation { Percentile = percentiles, Seed = experiment.GetProperty("key").GetString() },
        };
    }

    /// <summary>Feature definitions held in memory (no configuration binding on the measured path).</summary>
    private sealed class InMemoryFeatures(IEnumerable<FeatureDefinition> definitions) : IFeatureDefinitionProvider
    {
        private readonly Dictionary<string, Task<FeatureDefinition>> _byName =
            definitions.ToDictionary(d => d.Name, Task.FromResult, StringComparer.Ordinal);

        public Task<FeatureDefinition> GetFeatureDefinitionAsync(string featureName) =>
            _byName.TryGetValue(featureName, out var definition) ? definition : Task.FromResult<FeatureDefinition>(null!);

        public async IAsyncEnumerable<FeatureDefinition> GetAllFeatureDefinitionsAsync()
        {
            foreach (var definition in _byName.Values)
            {
                yield return await definition.ConfigureAwait(false);
            }
        }
    }
}
