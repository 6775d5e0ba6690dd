using System.Text.Json;
using UmbracoPersonalization.Core.Conditions.Evaluation;

namespace UmbracoPersonalization.Core.Conditions;

/// <summary>
/// A condition in GrowthBook's (MongoDB-style) syntax, compiled once into an immutable predicate. Evaluating it reads
/// attributes through <see cref="IAttributeSource"/>, never touches JSON, never throws and allocates nothing
/// (beyond what a regex match may need). Thread-safe.
/// </summary>
public sealed class Condition
{
    private readonly ConditionNode _root;

    private Condition(string source, ConditionNode root)
    {
        Source = source;
        _root = root;
    }

    /// <summary>Gets the condition that matches everything (<c>{}</c>).</summary>
    public static Condition Always { get; } = new("{}", AndNode.Empty);

    /// <summary>Gets the JSON the condition was compiled from.</summary>
    public string Source { get; }

    /// <summary>Compiles a condition from JSON text with <see cref="ConditionOptions.Default"/>.</summary>
    /// <param name="json">The condition JSON, e.g. <c>{"country": {"$in": ["NL", "BE"]}}</c>.</param>
    /// <returns>The compiled condition.</returns>
    /// <exception cref="ConditionParseException">Invalid JSON, unknown operator or wrong operand type; <see cref="ConditionParseException.Path"/> says where.</exception>
    public static Condition Parse(string json) => Parse(json, ConditionOptions.Default);

    /// <summary>Compiles a condition from JSON text.</summary>
    /// <param name="json">The condition JSON.</param>
    /// <param name="options">Limits and semantics.</param>
    /// <returns>The compiled condition.</returns>
    /// <exception cref="ConditionParseException">Invalid JSON, unknown operator or wrong operand type.</exception>
    public static Condition Parse(string json, ConditionOptions options)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            var where = exception.Path is { Length: > 0 } jsonPath ? jsonPath : "$";
            throw new ConditionParseException(where, $"invalid JSON (line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1}).", exception);
        }

        using (document)
        {
            return Parse(document.RootElement, options);
        }
    }

    /// <summary>Compiles a condition from a JSON element with <see cref="ConditionOptions.Default"/>.</summary>
    /// <param name="json">The condition JSON object.</param>
    /// <returns>The compiled condition.</returns>
    /// <exception cref="ConditionParseException">Unknown operator or wrong operand type.</exception>
    public static Condition Parse(JsonElement json) => Parse(json, ConditionOptions.Default);

    /// <summary>Compiles a condition from a JSON element.</summary>
    /// <param name="json">The condition JSON object.</param>
    /// <param name="options">Limits and semantics.</param>
    /// <returns>The compiled condition.</returns>
    /// <exception cref="ConditionParseException">Unknown operator or wrong operand type.</exception>
    public static Condition Parse(JsonElement json, ConditionOptions options) => Parse(json, options, "$");

    /// <summary>Tries to compile a condition, for validating editor input without exceptions in the caller.</summary>
    /// <param name="json">The condition JSON.</param>
    /// <param name="condition">The compiled condition, or null.</param>
    /// <param name="error">The problem, or null.</param>
    /// <returns><c>true</c> when the condition compiled.</returns>
    public static bool TryParse(string json, out Condition? condition, out ConditionParseException? error)
    {
        try
        {
            condition = Parse(json);
            error = null;
            return true;
        }
        catch (ConditionParseException exception)
        {
            condition = null;
            error = exception;
            return false;
        }
    }

    /// <summary>Evaluates the condition.</summary>
    /// <param name="attributes">The visitor's attributes.</param>
    /// <param name="savedGroups">Groups for <c>$inGroup</c>/<c>$notInGroup</c>; none when null.</param>
    /// <returns><c>true</c> when the attributes satisfy the condition.</returns>
    public bool IsMatch(IAttributeSource attributes, SavedGroups? savedGroups = null)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return _root.Evaluate(new EvaluationScope(attributes, savedGroups ?? SavedGroups.Empty));
    }

    /// <inheritdoc />
    public override string ToString() => Source;

    /// <summary>Compiles with a base path, so a condition nested in a larger definition reports its full JSON path.</summary>
    internal static Condition Parse(JsonElement json, ConditionOptions options, string basePath)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = new ConditionCompiler(options).CompileCondition(json, basePath);
        return new Condition(json.GetRawText(), root);
    }
}
