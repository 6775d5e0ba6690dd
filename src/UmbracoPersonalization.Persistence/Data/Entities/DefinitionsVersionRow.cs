namespace UmbracoPersonalization.Persistence.Data.Entities;

/// <summary>The single row holding the definitions version, bumped in the same transaction as every change.</summary>
public sealed class DefinitionsVersionRow
{
    /// <summary>The id of the only row.</summary>
    public const int SingletonId = 1;

    /// <summary>Always <see cref="SingletonId"/>.</summary>
    public int Id { get; set; }

    /// <summary>Increases with every definition change.</summary>
    public long Version { get; set; }
}
