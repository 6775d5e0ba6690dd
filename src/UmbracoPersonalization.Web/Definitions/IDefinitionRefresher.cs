namespace UmbracoPersonalization.Web.Definitions;

/// <summary>Reloads definitions into the deciding snapshot; call it after saving definitions for an immediate effect.</summary>
public interface IDefinitionRefresher
{
    /// <summary>Loads the definitions now if their version changed. Never throws for a store failure (it is logged).</summary>
    Task RefreshAsync(CancellationToken cancellationToken = default);
}
