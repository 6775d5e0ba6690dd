using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace UmbracoPersonalization.Persistence.Data;

/// <summary>
/// Binds an entity's columns to a <see cref="SqliteStatement"/> (parameter i + 1 = column i), each through its
/// property's EF value converter: compiled once per entity type, so a row costs typed property reads and binds
/// rather than reflection, boxing and a converter call through <see cref="object"/> per column.
/// </summary>
internal static class SqliteRowBinder<TEntity>
    where TEntity : class
{
    private static Tuple<IReadOnlyList<IProperty>, Action<TEntity, SqliteStatement>>? _compiled;

    /// <summary>The binder for <paramref name="properties"/> (the columns, in parameter order).</summary>
    public static Action<TEntity, SqliteStatement> For(IReadOnlyList<IProperty> properties)
    {
        // The model (and so its property objects) lives as long as the process; another model (tests) recompiles.
        var compiled = _compiled;
        if (compiled is not null && compiled.Item1.SequenceEqual(properties))
        {
            return compiled.Item2;
        }

        var bind = Compile(properties);
        _compiled = Tuple.Create(properties, bind);
        return bind;
    }

    private static Action<TEntity, SqliteStatement> Compile(IReadOnlyList<IProperty> properties)
    {
        var row = Expression.Parameter(typeof(TEntity), "row");
        var statement = Expression.Parameter(typeof(SqliteStatement), "statement");
        var binds = new List<Expression>(properties.Count);
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var index = Expression.Constant(i + 1);
            Expression value = Expression.Property(row, property.PropertyInfo ?? throw new NotSupportedException($"{property.Name} has no CLR property."));
            var converter = property.GetRelationalTypeMapping().Converter;
            if (converter is not null && (!value.Type.IsValueType || Nullable.GetUnderlyingType(value.Type) is not null))
            {
                // A nullable converted column: EF's object-based conversion handles null.
                binds.Add(Call(statement, nameof(SqliteStatement.BindValue), index,
                    Expression.Invoke(Expression.Constant(converter.ConvertToProvider), Expression.Convert(value, typeof(object)))));
                continue;
            }

            if (converter is not null)
            {
                value = Expression.Invoke(converter.ConvertToProviderExpression, value);
            }

            binds.Add(value.Type switch
            {
                var t when t == typeof(string) => Call(statement, nameof(SqliteStatement.BindText), index, value),
                var t when t == typeof(long) => Call(statement, nameof(SqliteStatement.BindInt64), index, value),
                var t when t == typeof(int) => Call(statement, nameof(SqliteStatement.BindInt64), index, Expression.Convert(value, typeof(long))),
                var t when t == typeof(Guid) => Call(statement, nameof(SqliteStatement.BindGuid), index, value),
                _ => Call(statement, nameof(SqliteStatement.BindValue), index, Expression.Convert(value, typeof(object))),
            });
        }

        return Expression.Lambda<Action<TEntity, SqliteStatement>>(Expression.Block(binds), row, statement).Compile();
    }

    private static MethodCallExpression Call(ParameterExpression statement, string method, Expression index, Expression value) =>
        Expression.Call(statement, typeof(SqliteStatement).GetMethod(method, [typeof(int), value.Type])!, index, value);
}
