namespace UmbracoPersonalization.Core.Tests.Conformance;

/// <summary>Finds files in the <c>shared</c> folder that sits next to the repository root.</summary>
public static class SharedFiles
{
    /// <summary>Finds a shared file: the environment variable's path if set, else <c>../shared/{relativePath}</c> from the repo root.</summary>
    /// <param name="environmentVariable">The variable that may name the file.</param>
    /// <param name="relativePath">The path under <c>shared</c>.</param>
    /// <returns>The full path, or null when not found.</returns>
    public static string? Find(string environmentVariable, string relativePath)
    {
        var configured = Environment.GetEnvironmentVariable(environmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "UmbracoPersonalization.sln")))
            {
                var candidate = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", relativePath));
                return File.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
