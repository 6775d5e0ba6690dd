namespace UmbracoPersonalization.Core.Templating;

/// <summary>Thrown when a template's output exceeds <see cref="LiquidOptions.MaxOutputLength"/>.</summary>
internal sealed class LiquidOutputLimitException(int maxLength)
    : Exception($"The output exceeds {maxLength} characters.");
