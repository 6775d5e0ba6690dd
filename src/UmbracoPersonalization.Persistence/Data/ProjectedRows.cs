using System.Collections;

namespace UmbracoPersonalization.Persistence.Data;

/// <summary>
/// Rows made from a list of sources one at a time, as they are read (each read makes a new row; nothing is kept).
/// The SQLite insert binds and drops each row before it makes the next, so a batch's rows and their JSON never live
/// as long as the batch: built up front, they outlived the garbage collections during the insert and were promoted.
/// </summary>
internal sealed class ProjectedRows<TSource, TRow>(IReadOnlyList<TSource> sources, Func<TSource, TRow> project) : IReadOnlyList<TRow>
{
    public int Count => sources.Count;

    public TRow this[int index] => project(sources[index]);

    public IEnumerator<TRow> GetEnumerator()
    {
        for (var i = 0; i < sources.Count; i++)
        {
            yield return project(sources[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
