namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>
/// What a compiled node evaluates against: the caller's attribute source, or (inside <c>$elemMatch</c>) one array
/// element; plus the saved groups. A struct passed by reference so that evaluating allocates nothing.
/// </summary>
internal readonly struct EvaluationScope
{
    private readonly IAttributeSource? _source;
    private readonly AttributeValue _root;

    public EvaluationScope(IAttributeSource source, SavedGroups groups)
    {
        _source = source;
        _root = default;
        Groups = groups;
    }

    public EvaluationScope(in AttributeValue root, SavedGroups groups)
    {
        _source = null;
        _root = root;
        Groups = groups;
    }

    public SavedGroups Groups { get; }

    public AttributeValue Lookup(AttributePath path)
    {
        if (_source is not null)
        {
            return _source.TryGetValue(path, out var value) ? value : AttributeValue.Missing;
        }

        return path.TryResolve(_root, out var found) ? found : AttributeValue.Missing;
    }
}
