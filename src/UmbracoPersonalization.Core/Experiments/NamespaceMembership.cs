namespace UmbracoPersonalization.Core.Experiments;

/// <summary>Mutual exclusion through namespaces, GrowthBook-compatible.</summary>
public static class NamespaceMembership
{
    /// <summary>Gets a value indicating whether a visitor's hash value falls in a namespace slice (hash v1, seed <c>__id</c>).</summary>
    /// <param name="hashValue">The hash attribute's value.</param>
    /// <param name="ns">The namespace slice.</param>
    /// <returns><c>true</c> when inside the slice.</returns>
    public static bool IsInNamespace(string hashValue, ExperimentNamespace ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        var n = GrowthBookHash.Hash("__" + ns.Id, hashValue, 1);
        return n is { } value && value >= ns.Start && value < ns.End;
    }
}
