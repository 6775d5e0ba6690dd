using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace UmbracoPersonalization.Benchmarks;

/// <summary>
/// <c>--smoke</c>: runs every benchmark method once in this process (global setup, the method, global cleanup) to
/// check that the benchmarks still work. Measures nothing.
/// </summary>
internal static class SmokeRun
{
    /// <summary>Runs every benchmark once.</summary>
    /// <returns>The exit code: 0 when all ran.</returns>
    public static int Run()
    {
        var failures = 0;
        var count = 0;
        foreach (var type in typeof(SmokeRun).Assembly.GetTypes().Where(IsBenchmarkClass).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            foreach (var method in Methods<BenchmarkAttribute>(type))
            {
                count++;
                try
                {
                    var instance = Activator.CreateInstance(type)!;
                    SetFirstParams(type, instance);
                    Invoke(instance, Methods<GlobalSetupAttribute>(type));
                    Invoke(instance, Methods<IterationSetupAttribute>(type));
                    Await(method.Invoke(instance, null));
                    Invoke(instance, Methods<IterationCleanupAttribute>(type));
                    Invoke(instance, Methods<GlobalCleanupAttribute>(type));
                    Console.WriteLine($"ok   {type.Name}.{method.Name}");
                }
                catch (Exception exception)
                {
                    failures++;
                    var cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
                    Console.WriteLine($"FAIL {type.Name}.{method.Name}: {cause.GetType().Name}: {cause.Message}");
                }
            }
        }

        Console.WriteLine($"smoke: {count - failures} of {count} benchmark methods ran once");
        return failures == 0 && count > 0 ? 0 : 1;
    }

    private static bool IsBenchmarkClass(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && Methods<BenchmarkAttribute>(type).Any();

    private static IEnumerable<MethodInfo> Methods<TAttribute>(Type type)
        where TAttribute : Attribute =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.GetCustomAttribute<TAttribute>() is not null);

    private static void Invoke(object instance, IEnumerable<MethodInfo> methods)
    {
        foreach (var method in methods)
        {
            Await(method.Invoke(instance, null));
        }
    }

    /// <summary>Gives each <c>[Params]</c> field or property its first value.</summary>
    private static void SetFirstParams(Type type, object instance)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance;
        foreach (var member in type.GetFields(flags).Cast<MemberInfo>().Concat(type.GetProperties(flags)))
        {
            if (member.GetCustomAttribute<ParamsAttribute>() is not { Values.Length: > 0 } attribute)
            {
                continue;
            }

            switch (member)
            {
                case FieldInfo field:
                    field.SetValue(instance, attribute.Values[0]);
                    break;
                case PropertyInfo property:
                    property.SetValue(instance, attribute.Values[0]);
                    break;
            }
        }
    }

    private static void Await(object? result)
    {
        switch (result)
        {
            case Task task:
                task.GetAwaiter().GetResult();
                break;
            case ValueTask task:
                task.GetAwaiter().GetResult();
                break;
            case not null when result.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ValueTask<>):
                ((Task)type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(result, null)!).GetAwaiter().GetResult();
                break;
        }
    }
}
