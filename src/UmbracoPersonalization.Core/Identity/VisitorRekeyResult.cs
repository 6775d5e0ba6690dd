namespace UmbracoPersonalization.Core.Identity;

/// <summary>What <see cref="IVisitorIdentityStore.RekeyAsync"/> moved.</summary>
/// <param name="Events">Events re-keyed.</param>
/// <param name="Assignments">Assignments re-keyed.</param>
/// <param name="AssignmentsDropped">Assignments dropped because the target already had one for the experiment.</param>
public readonly record struct VisitorRekeyResult(int Events, int Assignments, int AssignmentsDropped);
