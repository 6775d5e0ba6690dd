namespace UmbracoPersonalization.Core.Visitors;

/// <summary>
/// Per-request results computed from a <see cref="VisitorContext"/> (attributes, segment memberships, template
/// models), so that many decisions in one request share them. Set-once slots: a race computes twice and keeps one.
/// Callers pass static lambdas with explicit state so a cache hit allocates nothing.
/// </summary>
internal sealed class VisitorRequestCache
{
    private object? _attributes;
    private object? _memberships;
    private object? _htmlModel;
    private object? _textModel;

    public T GetOrAddAttributes<TState, T>(TState state, Func<TState, T> create)
        where T : class => GetOrAdd(ref _attributes, state, create);

    public T GetOrAddHtmlModel<TState, T>(TState state, Func<TState, T> create)
        where T : class => GetOrAdd(ref _htmlModel, state, create);

    public T GetOrAddTextModel<TState, T>(TState state, Func<TState, T> create)
        where T : class => GetOrAdd(ref _textModel, state, create);

    /// <summary>The membership slot: replaced when the definitions snapshot changed during the request.</summary>
    public object? Memberships
    {
        get => Volatile.Read(ref _memberships);
        set => Volatile.Write(ref _memberships, value);
    }

    private static T GetOrAdd<TState, T>(ref object? slot, TState state, Func<TState, T> create)
        where T : class
    {
        if (Volatile.Read(ref slot) is T existing)
        {
            return existing;
        }

        var created = create(state);
        return Interlocked.CompareExchange(ref slot, created, null) as T ?? created;
    }
}
