namespace UmbracoPersonalization.Site;

/// <summary>The segment aliases editors can preview.</summary>
public sealed class SiteSegments
{
    /// <summary>Gets the aliases of every defined segment.</summary>
    public Task<IReadOnlyList<string>> GetAliasesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Seeding.SeedDefinitions.Segments.Select(s => s.Alias).ToList());
}
