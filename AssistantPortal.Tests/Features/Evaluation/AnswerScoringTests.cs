using AssistantPortal.Features.Evaluation;

namespace AssistantPortal.Tests.Features.Evaluation;

public sealed class AnswerScoringTests
{
    [Fact]
    public void Key_phrases_score_the_fraction_present_case_insensitively()
    {
        var score = AnswerScoring.Score("Open the ACCOUNT page and choose forgot   Password.", "", "account page\nForgot password\nhelpdesk");

        Assert.Equal(2.0 / 3, score.Score, 3);
        Assert.True(score.Passed);
        Assert.Contains("missing: \u201chelpdesk\u201d", score.Details);
    }

    [Fact]
    public void Key_phrases_match_whole_words_only()
    {
        var (score, missing) = AnswerScoring.KeyPhrases("The category is closed.", ["cat"]);

        Assert.Equal(0, score);
        Assert.Equal(["cat"], missing);
    }

    [Fact]
    public void Half_the_key_phrases_is_below_the_pass_threshold()
    {
        var score = AnswerScoring.Score("The office is closed.", null, "closed\nholidays");

        Assert.Equal(0.5, score.Score);
        Assert.False(score.Passed);
    }

    [Fact]
    public void Expected_answer_scores_word_recall_and_ignores_citations_and_filler_words()
    {
        var score = AnswerScoring.Score(
            "According to handbook.md [1]: \u201cTo reset your password, open the account page and choose Forgot password.\u201d Sources: [1] handbook.md",
            "Open the account page and choose Forgot password.", null);

        Assert.Equal(1, score.Score);
        Assert.True(score.Passed);
        Assert.Contains("recall 1.00", score.Details);
    }

    [Fact]
    public void Expected_answer_words_match_across_plurals()
    {
        var overlap = AnswerScoring.Overlap("Passwords reset.", "password resets");

        Assert.Equal(1, overlap.Recall);
        Assert.Equal(1, overlap.F1);
    }

    [Fact]
    public void An_answer_that_says_nothing_expected_fails()
    {
        var score = AnswerScoring.Score("I could not find anything about that.", "Choose Forgot password on the account page.", null);

        Assert.Equal(0, score.Score);
        Assert.False(score.Passed);
    }

    [Fact]
    public void With_both_kinds_the_lower_score_counts()
    {
        var score = AnswerScoring.Score("Choose Forgot password.", "Choose Forgot password on the account settings page.", "Forgot password");

        Assert.Equal(0.5, score.Score);
        Assert.False(score.Passed);
    }

    [Fact]
    public void Phrases_are_one_per_line_trimmed_without_blanks_or_repeats()
    {
        Assert.Equal(["reset", "Forgot password"], AnswerScoring.Phrases(" reset \r\n\nForgot password\nRESET\n"));
    }

    [Fact]
    public void A_case_without_expectations_cannot_be_scored()
    {
        Assert.Throws<ArgumentException>(() => AnswerScoring.Score("anything", " ", "\n"));
    }
}
