namespace UmbracoPersonalization.Core.Visitors;

/// <summary>
/// Exponential decay of interest scores: <c>score(t) = s · 2^(-(t - updatedAt) / halfLife)</c>.
/// Pure functions, no clock: pass the moment to evaluate at.
/// </summary>
public static class InterestMath
{
    /// <summary>The value of <paramref name="score"/> at <paramref name="at"/>.</summary>
    /// <param name="score">The raw score and when it was written.</param>
    /// <param name="at">The moment to evaluate at. A moment before <see cref="InterestScore.UpdatedAt"/> gives the raw score.</param>
    /// <param name="halfLife">The half-life; must be positive.</param>
    /// <returns>The decayed score.</returns>
    public static double Decay(InterestScore score, DateTimeOffset at, TimeSpan halfLife) =>
        Decay(score.Score, at - score.UpdatedAt, halfLife);

    /// <summary>The value of <paramref name="score"/> after <paramref name="elapsed"/>.</summary>
    /// <param name="score">The score at the start.</param>
    /// <param name="elapsed">Time passed; zero or negative leaves the score unchanged.</param>
    /// <param name="halfLife">The half-life; must be positive.</param>
    /// <returns>The decayed score.</returns>
    public static double Decay(double score, TimeSpan elapsed, TimeSpan halfLife)
    {
        if (halfLife <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(halfLife), halfLife, "The half-life must be positive.");
        }

        if (elapsed <= TimeSpan.Zero || score == 0)
        {
            return score;
        }

        return score * Math.Pow(2, -(elapsed.Ticks / (double)halfLife.Ticks));
    }

    /// <summary>
    /// Adds <paramref name="increment"/> at <paramref name="at"/> to a score. The result is written at the later of
    /// <paramref name="at"/> and the score's own time, so events processed out of order add what they would have.
    /// </summary>
    /// <param name="score">The current raw score, or <c>null</c> for none.</param>
    /// <param name="increment">The interest to add (at <paramref name="at"/>).</param>
    /// <param name="at">When the interest was shown.</param>
    /// <param name="halfLife">The half-life; must be positive.</param>
    /// <returns>The new raw score.</returns>
    public static InterestScore Add(InterestScore? score, double increment, DateTimeOffset at, TimeSpan halfLife)
    {
        if (score is not { } current)
        {
            return new InterestScore(increment, at);
        }

        if (at >= current.UpdatedAt)
        {
            return new InterestScore(Decay(current, at, halfLife) + increment, at);
        }

        // An older event: its increment has decayed until the score's own time.
        return new InterestScore(current.Score + Decay(increment, current.UpdatedAt - at, halfLife), current.UpdatedAt);
    }
}
