using System.Text.Json;
using System.Text.RegularExpressions;

namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>
/// Turns GrowthBook condition JSON into immutable nodes, once. Every structural problem is reported here with its
/// JSON path, so evaluation can never fail on a bad definition.
/// </summary>
internal sealed class ConditionCompiler(ConditionOptions options)
{
    private bool GrowthBookNulls => options.MissingValues == MissingValueSemantics.GrowthBook;

    public ConditionNode CompileCondition(JsonElement json, string path)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ConditionParseException(path, $"a condition must be a JSON object, not {Describe(json)}.");
        }

        var children = new List<ConditionNode>();
        foreach (var property in json.EnumerateObject())
        {
            var childPath = $"{path}.{property.Name}";
            children.Add(property.Name switch
            {
                "$and" => new AndNode(CompileList(property.Value, childPath)),
                "$or" => new OrNode(CompileList(property.Value, childPath)),
                "$nor" => new NotNode(new OrNode(CompileList(property.Value, childPath))),
                "$not" => new NotNode(CompileCondition(property.Value, childPath)),

                // Any other key, even one starting with '$' (GrowthBook's "$groups"), is an attribute path.
                _ => new FieldNode(AttributePath.Parse(property.Name), CompileValue(property.Value, childPath, ignoreCase: false)),
            });
        }

        return children.Count == 1 ? children[0] : new AndNode([.. children]);
    }

    private ConditionNode[] CompileList(JsonElement json, string path)
    {
        if (json.ValueKind != JsonValueKind.Array)
        {
            throw new ConditionParseException(path, $"expected an array of conditions, not {Describe(json)}.");
        }

        var nodes = new ConditionNode[json.GetArrayLength()];
        var i = 0;
        foreach (var item in json.EnumerateArray())
        {
            nodes[i] = CompileCondition(item, $"{path}[{i}]");
            i++;
        }

        return nodes;
    }

    /// <summary>A "condition value": a literal (implicit equality) or an operator object.</summary>
    private ValueMatcher CompileValue(JsonElement json, string path, bool ignoreCase)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                return new StringEqualsMatcher(json.GetString()!, ignoreCase, GrowthBookNulls);
            case JsonValueKind.Number:
                return new NumberEqualsMatcher(json.GetDouble(), GrowthBookNulls);
            case JsonValueKind.True:
            case JsonValueKind.False:
                return new BooleanEqualsMatcher(json.GetBoolean());
            case JsonValueKind.Null:
                return NullMatcher.Instance;
            case JsonValueKind.Object when IsOperatorObject(json):
                var matchers = new List<ValueMatcher>();
                foreach (var op in json.EnumerateObject())
                {
                    matchers.Add(CompileOperator(op.Name, op.Value, $"{path}.{op.Name}"));
                }

                return matchers.Count == 1 ? matchers[0] : new AllOfMatcher([.. matchers]);
            default:
                // Arrays and plain objects are compared as whole values.
                return new DeepEqualsMatcher(AttributeValue.FromJson(json));
        }
    }

    private ValueMatcher CompileOperator(string op, JsonElement operand, string path) => op switch
    {
        "$eq" => new StrictEqualsMatcher(AttributeValue.FromJson(operand), negate: false),
        "$ne" => new StrictEqualsMatcher(AttributeValue.FromJson(operand), negate: true),
        "$lt" => Compare(ComparisonOperator.LessThan, operand, path),
        "$lte" => Compare(ComparisonOperator.LessThanOrEqual, operand, path),
        "$gt" => Compare(ComparisonOperator.GreaterThan, operand, path),
        "$gte" => Compare(ComparisonOperator.GreaterThanOrEqual, operand, path),
        "$veq" => Version(ComparisonOperator.Equal, operand, path),
        "$vne" => Version(ComparisonOperator.NotEqual, operand, path),
        "$vlt" => Version(ComparisonOperator.LessThan, operand, path),
        "$vlte" => Version(ComparisonOperator.LessThanOrEqual, operand, path),
        "$vgt" => Version(ComparisonOperator.GreaterThan, operand, path),
        "$vgte" => Version(ComparisonOperator.GreaterThanOrEqual, operand, path),
        "$exists" => new ExistsMatcher(JsSemantics.IsTruthy(AttributeValue.FromJson(operand))),
        "$in" => new InMatcher(Set(operand, path, ignoreCase: false), negate: false),
        "$nin" => new InMatcher(Set(operand, path, ignoreCase: false), negate: true),
        "$ini" => new InMatcher(Set(operand, path, ignoreCase: true), negate: false),
        "$nini" => new InMatcher(Set(operand, path, ignoreCase: true), negate: true),
        "$inGroup" => new GroupMatcher(RequireString(operand, path, "a saved group id"), negate: false),
        "$notInGroup" => new GroupMatcher(RequireString(operand, path, "a saved group id"), negate: true),
        "$not" => new NotMatcher(CompileValue(operand, path, ignoreCase: false)),
        "$size" => new SizeMatcher(CompileValue(operand, path, ignoreCase: false)),
        "$elemMatch" => ElemMatch(operand, path),
        "$all" => All(operand, path, ignoreCase: false),
        "$alli" => All(operand, path, ignoreCase: true),
        "$regex" => Regex(operand, path, RegexOptions.None),
        "$regexi" => Regex(operand, path, RegexOptions.IgnoreCase),
        "$type" => Type(operand, path),
        _ => throw new ConditionParseException(path, $"unknown operator '{op}'."),
    };

    private CompareMatcher Compare(ComparisonOperator op, JsonElement operand, string path) => operand.ValueKind switch
    {
        JsonValueKind.Number => new CompareMatcher(op, null, operand.GetDouble(), GrowthBookNulls),
        JsonValueKind.String => new CompareMatcher(op, operand.GetString(), JsSemantics.StringToNumber(operand.GetString()), GrowthBookNulls),
        _ => throw new ConditionParseException(path, $"expected a number or a string, not {Describe(operand)}."),
    };

    private VersionMatcher Version(ComparisonOperator op, JsonElement operand, string path)
    {
        var raw = operand.ValueKind switch
        {
            JsonValueKind.String => operand.GetString()!,
            JsonValueKind.Number => FormatNumber(operand.GetDouble()),
            _ => throw new ConditionParseException(path, $"expected a version string, not {Describe(operand)}."),
        };
        return new VersionMatcher(op, PaddedVersion.Compute(raw), GrowthBookNulls);
    }

    private static string FormatNumber(double value)
    {
        Span<char> buffer = stackalloc char[JsSemantics.NumberBufferSize];
        return new string(buffer[..JsSemantics.FormatNumber(value, buffer)]);
    }

    private static ValueSet Set(JsonElement operand, string path, bool ignoreCase)
    {
        if (operand.ValueKind != JsonValueKind.Array)
        {
            throw new ConditionParseException(path, $"expected an array of values, not {Describe(operand)}.");
        }

        return new ValueSet(AttributeValue.FromJson(operand).ArrayValue, ignoreCase);
    }

    private ElemMatchMatcher ElemMatch(JsonElement operand, string path)
    {
        if (operand.ValueKind != JsonValueKind.Object)
        {
            throw new ConditionParseException(path, $"expected an object, not {Describe(operand)}.");
        }

        return IsOperatorObject(operand)
            ? new ElemMatchMatcher(CompileValue(operand, path, ignoreCase: false))
            : new ElemMatchMatcher(CompileCondition(operand, path));
    }

    private AllMatcher All(JsonElement operand, string path, bool ignoreCase)
    {
        if (operand.ValueKind != JsonValueKind.Array)
        {
            throw new ConditionParseException(path, $"expected an array, not {Describe(operand)}.");
        }

        var matchers = new ValueMatcher[operand.GetArrayLength()];
        var i = 0;
        foreach (var item in operand.EnumerateArray())
        {
            matchers[i] = CompileValue(item, $"{path}[{i}]", ignoreCase);
            i++;
        }

        return new AllMatcher(matchers);
    }

    private RegexMatcher Regex(JsonElement operand, string path, RegexOptions caseOption)
    {
        var pattern = RequireString(operand, path, "a regular expression");
        if (pattern.Length > options.MaxRegexPatternLength)
        {
            throw new ConditionParseException(path, $"the pattern is longer than {options.MaxRegexPatternLength} characters.");
        }

        try
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant | caseOption, options.RegexMatchTimeout);
            return new RegexMatcher(regex, GrowthBookNulls);
        }
        catch (ArgumentException exception)
        {
            throw new ConditionParseException(path, $"invalid regular expression: {exception.Message}", exception);
        }
    }

    private static TypeMatcher Type(JsonElement operand, string path) => RequireString(operand, path, "a type name") switch
    {
        "null" => new TypeMatcher(AttributeKind.Null),
        "boolean" => new TypeMatcher(AttributeKind.Boolean),
        "number" => new TypeMatcher(AttributeKind.Number),
        "string" => new TypeMatcher(AttributeKind.String),
        "array" => new TypeMatcher(AttributeKind.Array),
        "object" => new TypeMatcher(AttributeKind.Object),

        // GrowthBook reads a missing attribute as null, so "undefined" never matches.
        "undefined" => new TypeMatcher(AttributeKind.Missing),
        var other => throw new ConditionParseException(path, $"unknown type '{other}' (null, boolean, number, string, array, object)."),
    };

    private static string RequireString(JsonElement operand, string path, string what) =>
        operand.ValueKind == JsonValueKind.String
            ? operand.GetString()!
            : throw new ConditionParseException(path, $"expected {what} (a string), not {Describe(operand)}.");

    /// <summary>GrowthBook's rule: a non-empty object whose keys all start with '$'.</summary>
    private static bool IsOperatorObject(JsonElement json)
    {
        var any = false;
        foreach (var property in json.EnumerateObject())
        {
            if (!property.Name.StartsWith('$'))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static string Describe(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
