# Prints the name and the first 20 message lines of each failed test in a trx file (the VSTest results format),
# prefixed with "[test]", for scripts/test.sh. Usage: awk -f trx-failures.awk results.trx

# Returns the value of attribute `name` in a start tag, or "" when the tag has no such attribute.
function attribute(tag, name,    prefix) {
    prefix = " " name "=\""
    if (!match(tag, prefix "[^\"]*\"")) {
        return ""
    }
    return substr(tag, RSTART + length(prefix), RLENGTH - length(prefix) - 1)
}

# Replaces the XML entities the trx logger writes; &amp; goes last, so "&amp;lt;" stays "&lt;".
function unescape(text) {
    gsub(/&lt;/, "<", text)
    gsub(/&gt;/, ">", text)
    gsub(/&quot;/, "\"", text)
    gsub(/&apos;/, "'", text)
    gsub(/&#x[dD];/, "", text)
    gsub(/&#x[aA];/, " ", text)
    gsub(/&#x9;/, "\t", text)
    gsub(/&amp;/, "\\&", text)
    return text
}

# Prints one line of a failure message; the last line of the message also ends the current result.
function print_message_line(line) {
    if (index(line, "</Message>")) {
        sub(/<\/Message>.*/, "", line)
        in_message = 0
        failed = 0
    }
    sub(/\r$/, "", line)
    if (shown < 20) {
        print "[test]   " unescape(line)
    } else if (shown == 20) {
        print "[test]   (more lines in the trx file)"
    }
    shown++
}

/<UnitTestResult / {
    failed = attribute($0, "outcome") == "Failed"
    in_message = 0
    shown = 0
    if (failed) {
        print "[test] failed: " unescape(attribute($0, "testName"))
    }
    next
}

failed && !in_message && /<Message>/ {
    in_message = 1
    line = $0
    sub(/.*<Message>/, "", line)
    print_message_line(line)
    next
}

failed && in_message {
    print_message_line($0)
}
