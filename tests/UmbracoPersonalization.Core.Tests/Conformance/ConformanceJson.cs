using System.Text.Json;
using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Conformance;

/// <summary>Reads the small JSON shapes the cases file uses.</summary>
public static class ConformanceJson
{
    /// <summary>Reads <c>[[start, end], ...]</c>.</summary>
    /// <param name="json">The JSON array.</param>
    /// <returns>The ranges.</returns>
    public static IReadOnlyList<BucketRange> Ranges(JsonElement json) =>
        json.EnumerateArray().Select(r => new BucketRange(r[0].GetDouble(), r[1].GetDouble())).ToArray();

    /// <summary>Reads <c>[id, start, end]</c>.</summary>
    /// <param name="json">The JSON array.</param>
    /// <returns>The namespace slice.</returns>
    public static ExperimentNamespace Namespace(JsonElement json) =>
        new(json[0].GetString()!, json[1].GetDouble(), json[2].GetDouble());
}
