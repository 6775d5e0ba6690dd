namespace UmbracoPersonalization.Core.Experiments;

/// <summary>Equal traffic weights.</summary>
public static class EqualWeights
{
    /// <summary>Gets <paramref name="count"/> weights of 1/count each (none for count &lt;= 0).</summary>
    /// <param name="count">The number of variations.</param>
    /// <returns>The weights.</returns>
    public static double[] Get(int count)
    {
        if (count <= 0)
        {
            return [];
        }

        var weights = new double[count];
        Array.Fill(weights, 1d / count);
        return weights;
    }
}
