using System.Text;

namespace PlacementEngine.Metrics.Prometheus;

/// <summary>Writes families in the text format 0.0.4: HELP, TYPE, then one line per sample, "\n" line ends.</summary>
internal static class ExpositionWriter
{
    public static void Append(StringBuilder output, MetricFamily family, IReadOnlyList<SampleLine> lines)
    {
        // A labelled family nobody has touched yet has no series; client libraries omit it and so do we.
        if (lines.Count == 0)
        {
            return;
        }
        output.Append("# HELP ").Append(family.Name).Append(' ').Append(TextFormat.EscapeHelp(family.Help)).Append('\n');
        output.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Type.ToWire()).Append('\n');
        foreach (var line in lines)
        {
            output.Append(family.Name).Append(line.Suffix);
            AppendLabels(output, family.LabelNames, line);
            output.Append(' ').Append(line.Value.ToString()).Append('\n');
        }
    }

    private static void AppendLabels(StringBuilder output, IReadOnlyList<string> labelNames, SampleLine line)
    {
        if (labelNames.Count == 0 && line.Bucket is null)
        {
            return;
        }
        output.Append('{');
        for (var i = 0; i < labelNames.Count; i++)
        {
            if (i > 0)
            {
                output.Append(',');
            }
            AppendLabel(output, labelNames[i], line.Labels[i]);
        }
        if (line.Bucket is not null)
        {
            if (labelNames.Count > 0)
            {
                output.Append(',');
            }
            AppendLabel(output, NameRules.BucketLabel, line.Bucket);
        }
        output.Append('}');
    }

    private static void AppendLabel(StringBuilder output, string name, string value) =>
        output.Append(name).Append("=\"").Append(TextFormat.EscapeLabelValue(value)).Append('"');
}
