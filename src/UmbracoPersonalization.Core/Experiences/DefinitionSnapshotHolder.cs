using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Definitions;

namespace UmbracoPersonalization.Core.Experiences;

/// <summary>
/// Holds the current <see cref="DefinitionSnapshot"/> and swaps it atomically, so definitions can be replaced while
/// requests decide: a decision in flight keeps the snapshot it started with. Starts with <see cref="DefinitionSnapshot.Empty"/>.
/// </summary>
public sealed class DefinitionSnapshotHolder : IDefinitionSnapshotProvider
{
    private DefinitionSnapshot _current = DefinitionSnapshot.Empty;

    /// <inheritdoc />
    public DefinitionSnapshot Current => Volatile.Read(ref _current);

    /// <summary>
    /// Installs <paramref name="snapshot"/> unless the current one has a higher <see cref="DefinitionSnapshot.Version"/>
    /// (a slow loader never overwrites newer definitions).
    /// </summary>
    /// <param name="snapshot">The new snapshot.</param>
    /// <returns><c>true</c> when installed.</returns>
    public bool Replace(DefinitionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        while (true)
        {
            var current = Volatile.Read(ref _current);
            if (current.Version > snapshot.Version)
            {
                return false;
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, snapshot, current), current))
            {
                return true;
            }
        }
    }

    /// <summary>Compiles <paramref name="definitions"/> and installs the result (see <see cref="Replace"/>).</summary>
    /// <param name="definitions">The definitions.</param>
    /// <param name="conditionOptions">Condition limits; <see cref="ConditionOptions.Default"/> when null.</param>
    /// <returns>The compiled snapshot (installed or not).</returns>
    /// <exception cref="DefinitionValidationException">The definitions are invalid; the current snapshot stays.</exception>
    public DefinitionSnapshot Update(DefinitionSet definitions, ConditionOptions? conditionOptions = null)
    {
        var snapshot = DefinitionSnapshot.Compile(definitions, conditionOptions);
        Replace(snapshot);
        return snapshot;
    }
}
