using System.Collections.Concurrent;
using DotLiquid;
using Microsoft.Extensions.Options;

namespace UmbracoPersonalization.Core.Templating;

/// <summary>
/// Validates and parses each template source once; later renders reuse the parsed, thread-safe template (or the
/// validation error). Bounded: cleared when <see cref="LiquidOptions.MaxCachedTemplates"/> is reached.
/// </summary>
public sealed class LiquidTemplateCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly LiquidTemplateValidator _validator;
    private readonly int _capacity;

    /// <summary>Creates a cache.</summary>
    /// <param name="validator">Checks templates before parsing.</param>
    /// <param name="options">The limits.</param>
    public LiquidTemplateCache(LiquidTemplateValidator validator, IOptions<LiquidOptions> options)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(options);
        _validator = validator;
        _capacity = Math.Max(1, options.Value.MaxCachedTemplates);
    }

    /// <summary>How many templates are cached.</summary>
    public int Count => _entries.Count;

    /// <summary>Validates <paramref name="source"/> (using the cache).</summary>
    /// <param name="source">The template.</param>
    /// <returns>Whether it is accepted and why not.</returns>
    public LiquidValidationResult Validate(string source)
    {
        var entry = Get(source);
        return entry.Template is null ? LiquidValidationResult.Invalid(entry.Error!) : LiquidValidationResult.Valid;
    }

    internal Entry Get(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (_entries.TryGetValue(source, out var entry))
        {
            return entry;
        }

        entry = _validator.TryParse(source, out var template, out var error)
            ? new Entry(template, null) { Reads = LiquidTemplateReads.Analyze(source) }
            : new Entry(null, error);
        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd(source, entry);
    }

    internal sealed record Entry(Template? Template, string? Error)
    {
        /// <summary>What the template reads (set for a parsed template).</summary>
        public LiquidTemplateReads? Reads { get; init; }

        /// <summary>Rendered HTML by <see cref="LiquidMemoKey"/>; emptied when full.</summary>
        public ConcurrentDictionary<string, string> Outputs { get; } = new(StringComparer.Ordinal);
    }
}
