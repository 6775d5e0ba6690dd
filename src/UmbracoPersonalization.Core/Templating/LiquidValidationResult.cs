namespace UmbracoPersonalization.Core.Templating;

/// <summary>Whether a Liquid template may be saved and rendered, and why not.</summary>
/// <param name="IsValid">Whether the template is accepted.</param>
/// <param name="Error">What is wrong; null when valid.</param>
public sealed record LiquidValidationResult(bool IsValid, string? Error)
{
    /// <summary>An accepted template.</summary>
    public static LiquidValidationResult Valid { get; } = new(true, null);

    /// <summary>A rejected template.</summary>
    /// <param name="error">What is wrong.</param>
    /// <returns>The result.</returns>
    public static LiquidValidationResult Invalid(string error) => new(false, error);
}
