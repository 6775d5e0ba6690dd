namespace UmbracoPersonalization.Core.Experiences;

/// <summary>Gives the current compiled definitions. Reading <see cref="Current"/> is a volatile read: cheap, lock-free.</summary>
public interface IDefinitionSnapshotProvider
{
    /// <summary>The snapshot to decide with; hold the reference for the whole of one decision.</summary>
    DefinitionSnapshot Current { get; }
}
