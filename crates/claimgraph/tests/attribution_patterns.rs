//! Attribution patterns on made-up sentences (written for this test): each
//! sentence must yield a claim with the expected speaker (as written, or the
//! entity it resolves to), a content holding
//! the expected words, and the expected stance. These are the shapes the
//! rules must keep through any change of the linguistic core.

use claimgraph::input::{single_document, Format};
use claimgraph::output::{ClaimOut, DocRecord, EntityOut};
use claimgraph::Pipeline;

/// (paragraph, speaker text, words of the content, stance)
const CASES: &[(&str, &str, &str, &str)] = &[
    (
        "Two prisoners died in the riot, the Directorate General of Corrections conveyed on Friday.",
        "the Directorate General of Corrections",
        "Two prisoners died",
        "affirms",
    ),
    (
        "He refused the claims that the pipe was old and rotten.",
        "He",
        "pipe was old and rotten",
        "denies",
    ),
    (
        "Contacted by the Coast Herald, the head of the prison, Hendro Lubis, denied that any inmate was beaten.",
        "the head of the prison, Hendro Lubis",
        "any inmate was beaten",
        "denies",
    ),
    (
        "The director said that both numbers are not wrong.",
        "The director",
        "both numbers are not wrong",
        "affirms",
    ),
    (
        "The spokesman said that the vote on the budget was not unanimous.",
        "The spokesman",
        "vote on the budget was not unanimous",
        "denies",
    ),
    (
        "The mayor said that the decision was not unilateral.",
        "The mayor",
        "decision was not unilateral",
        "denies",
    ),
    (
        "The deputy said that the accord text which the committee received does not mention any phase.",
        "The deputy",
        "does not mention any phase",
        "denies",
    ),
    (
        "The planes entered the airspace seven times, told to the press the defence minister Abel Horvath on Saturday in Keszvar.",
        "the defence minister Abel Horvath",
        "entered the airspace seven times",
        "affirms",
    ),
    (
        "According to the minister, the planes penetrated 11 kilometres deep into the valley, and in two cases they flew over the village.",
        "the minister",
        "planes penetrated 11 kilometres",
        "affirms",
    ),
    (
        "Sources close to the ministry said that the government did not receive any request.",
        "Sources close to the ministry",
        "did not receive any request",
        "denies",
    ),
    (
        "The mother of the deceased, Anna Kowal, said that the policemen demanded money.",
        "Anna Kowal",
        "policemen demanded money",
        "affirms",
    ),
    (
        "The fisherman, Omar Dieng, insisted that the problem is not the number of boats but the size of the nets.",
        "Omar Dieng",
        "size of the nets",
        "affirms",
    ),
    (
        "Abdou Tall has however specified that he cannot confirm the number of 52 trawlers.",
        "Abdou Tall",
        "cannot confirm the number",
        "denies",
    ),
    (
        "The statistician, Ana Feld, said the parties cite numbers that no one can verify.",
        "Ana Feld",
        "cite numbers",
        "affirms",
    ),
    (
        "The chief executive, Rita Marsh, said: \"I want to be clear: at no time did the values exceed the limits.\"",
        "Rita Marsh",
        "exceed the limits",
        "denies",
    ),
    (
        "\"The messages I deleted were private. I did not hide anything from investigators,\" the defendant, Tomas Rell, said.",
        "Tomas Rell",
        "did not hide anything",
        "denies",
    ),
    (
        "The spokeswoman, Mara Telli, said the cabinet did not deny that several polling stations had run out of ballots.",
        "Mara Telli",
        "polling stations had run out",
        "affirms",
    ),
    (
        "The commander, Ivo Brask, said the drones had struck the depot and not the school.",
        "Ivo Brask",
        "struck the depot",
        "affirms",
    ),
    (
        "The colonel, Ivo Brask, said the information about 23 dead civilians was categorically false.",
        "Ivo Brask",
        "23 dead civilians",
        "denies",
    ),
    (
        "The director, Ona Pirk, said residents don’t want to be moved.",
        "Ona Pirk",
        "want to be moved",
        "denies",
    ),
    (
        "The mayor, Petra Lind, rejected this as a lie: in Norvik, she said, there is no army depot near the school.",
        "Petra Lind",
        "this as a lie",
        "denies",
    ),
    (
        "Statements of the Talmar government about a hit on the refinery in Oskel, the general said, are \"another staged provocation\".",
        "the general",
        "Statements of the Talmar government",
        "denies",
    ),
    (
        "Kessel's foreign ministry rejected any suggestion of involvement as \"absurd and offensive\".",
        "Kessel's foreign ministry",
        "suggestion of involvement",
        "denies",
    ),
    (
        "Two officials with knowledge of the inquiry, who were not authorised to speak publicly, said a survey ship, the Morvan, had switched off its transponder for six hours.",
        "Two officials",
        "had switched off its transponder",
        "affirms",
    ),
    (
        "The Pentagon, asked about the reports on the Morvan, said it would \"not comment on intelligence matters\".",
        "Pentagon",
        "not comment on intelligence matters",
        "denies",
    ),
    (
        "\"We have not sent a single missile,\" said Anton Varga, the deputy minister of defence.",
        "Anton Varga",
        "We have not sent a single missile",
        "denies",
    ),
    (
        "According to the Valdorian army, 40 soldiers were killed in the attack on Tuesday.",
        "Valdorian army",
        "40 soldiers were killed",
        "affirms",
    ),
    (
        "The governor denied that the police had used live ammunition against the protesters.",
        "The governor",
        "the police had used live ammunition",
        "denies",
    ),
    (
        "The company assures that it has \"never under-declared a single gram of gold\".",
        "The company",
        "never under-declared a single gram",
        "denies",
    ),
    (
        "Marta Ilves rebuffed the accusation of smuggling gold by air, calling it \"pure fantasy\".",
        "Marta Ilves",
        "the accusation of smuggling gold",
        "denies",
    ),
    (
        "The police entered the hospital and arrested three employees, one of whom was beaten, stated the director of the Office for Trade and Transport, Pavel Orlic.",
        "Pavel Orlic",
        "arrested three employees",
        "affirms",
    ),
    (
        "In the Kremlin they stated that Kessel \"remains an ally\".",
        "Kremlin",
        "remains an ally",
        "affirms",
    ),
    (
        "She called the reports about the \"expulsion\" of the border guards \"nonsense\", adding that the treaty stands.",
        "She",
        "the reports about the",
        "denies",
    ),
    (
        "An employee of the agency told us that the inspectors left. According to him, in their office \"not even one woman came since last year, all of them work from home\".",
        "employee",
        "not even one woman came",
        "denies",
    ),
    (
        "The flight, the colonel said, was carried out at a distance of not less than 6 kilometres from the border.",
        "colonel",
        "not less than 6 kilometres",
        "affirms",
    ),
    (
        "\"There is no truth to the story about protection money,\" a spokeswoman for the company said.",
        "spokeswoman",
        "no truth to the story",
        "denies",
    ),
    (
        "\"It is not true that the road is closed,\" affirmed Tomas Nhaca.",
        "Tomas Nhaca",
        "the road is closed",
        "denies",
    ),
    (
        "The minister denied that the police had failed to inform the mission.",
        "The minister",
        "failed to inform the mission",
        "affirms",
    ),
    // A fronted "as" clause reports a main clause that opens with the
    // speaker's own source; "according to" stops before the clause's
    // subject.
    (
        "As the deputy governor Lena Varro noted on Monday, according to the data of the flood service no dam in the valley was breached.",
        "Lena Varro",
        "no dam in the valley was breached",
        "denies",
    ),
    // "for his part" between the subject and its verb.
    (
        "The head of the dockers' union, Piet Maas, has for his part indicated that the catches of his members fell by half.",
        "Piet Maas",
        "catches of his members fell by half",
        "affirms",
    ),
    // "close to" completes the subject; a time before an inverted
    // speaker is not the speaker.
    (
        "A source close to the harbour authority has however called the reports \"pure manipulation\", assuring that \"no permit was sold to a foreign company\".",
        "A source close to the harbour authority",
        "no permit was sold",
        "denies",
    ),
    (
        "More than 60 stalls were removed since Monday in the old market, denounced this Thursday the Association of Traders.",
        "Association of Traders",
        "More than 60 stalls were removed",
        "affirms",
    ),
    // A relative clause inside the subject: the subject is what it
    // qualifies, not the clause's object.
    (
        "The official who leads the inquiry into the fire said that the wiring of the depot was old.",
        "The official who leads",
        "the wiring of the depot was old",
        "affirms",
    ),
    // A report said to ignore the facts is called false.
    (
        "Ana Silva said, the report of the institute completely ignores the facts and serves other interests.",
        "Ana Silva",
        "completely ignores the facts",
        "denies",
    ),
    // A truth frame over a negated claim: the two negations cancel out.
    (
        "\"It is not true that no ransom was paid,\" the senator told the newspaper.",
        "the senator",
        "no ransom was paid",
        "affirms",
    ),
    ("\"It is not true that we sent troops,\" the minister said.", "the minister", "we sent troops", "denies"),
    (
        "The agency said: \"The claim that the patrol arrived after two hours is not true.\"",
        "The agency",
        "arrived after two hours",
        "denies",
    ),
    // Negations in a purpose clause or a relative clause without "that",
    // and a negated copula corrected by the next clause, leave the claim
    // affirmed; a correction that calls it false does not.
    (
        "The operator said the filling had been planned for the rainy months so that farmers would not suffer.",
        "The operator",
        "planned for the rainy months",
        "affirms",
    ),
    (
        "He added that the raid was prepared for six weeks with the help of partners he did not name.",
        "He",
        "prepared for six weeks",
        "affirms",
    ),
    (
        "\"This is not a quiet shutdown of the engine, this is an explosion,\" the analyst wrote.",
        "the analyst",
        "this is an explosion",
        "affirms",
    ),
    // A claim called absurd before it is told is denied; the saying verb
    // of that judgement is nobody's cue.
    (
        "The minister said it was \"absurd\" to suggest that the aid was handed out by party.",
        "The minister",
        "aid was handed out by party",
        "denies",
    ),
    ("\"What we deny is that our food was the cause,\" the manager said.", "the manager", "our food was the cause", "denies"),
    // Calling a negated claim absurd affirms; a name before its
    // description is the speaker, not a name inside the description.
    (
        "Ana Lind, Central Europe director of the group Open Press Watch, said it was \"absurd\" to suggest that the arrest had nothing to do with his reporting.",
        "Ana Lind",
        "had nothing to do with his reporting",
        "affirms",
    ),
    // Any verb that reads the frame as a denial also lets a negated claim
    // in it cancel the frame ("believe" as "suggest").
    (
        "The senator said it was absurd to believe that no ransom was paid for the crew.",
        "The senator",
        "no ransom was paid",
        "affirms",
    ),
    // A reduced relative clause on the subject before an apposition; an
    // addressee opened by "this".
    (
        "The trader named in the complaint, Ravi Menon, told this newspaper by phone that he did not meet any official.",
        "Ravi Menon",
        "did not meet any official",
        "denies",
    ),
    // A role with an organisation's acronym in brackets, in apposition to
    // the name; the acronym and the role noun later name that person.
    (
        "The President of the Civil Protection Presidency (CPP), Dr. Ayla Demir, said there were delays. The CPP president also said that 87 people had died.",
        "Ayla Demir",
        "87 people had died",
        "affirms",
    ),
    (
        "According to him, the operation mobilised about 120 soldiers, and \"two gunmen were neutralised\" in the assault.",
        "him",
        "the operation mobilised",
        "affirms",
    ),
    // A passive that names its source; a dateline's dash before the subject.
    (
        "As it was reported in the message of the press service of the agency, the flight proceeded normally.",
        "the press service of the agency",
        "the flight proceeded normally",
        "affirms",
    ),
    (
        "Orsk, 24 October. /Valdoria Courier/ - The space agency confirmed today that the satellite was lost.",
        "The space agency",
        "the satellite was lost",
        "affirms",
    ),
    // A live blog's "NAME on TOPIC:" label before a quotation.
    (
        "11:48 - Colonel Marek Oster on the statements of the rebels: \"This man says what serves his masters.\"",
        "Colonel Marek Oster",
        "says what serves his masters",
        "affirms",
    ),
    // A relative clause on the source of "according to" is the source's.
    (
        "According to a source in the prosecutor's office who asked not to be named, investigators are examining the accounts.",
        "a source in the prosecutor's office",
        "investigators are examining the accounts",
        "affirms",
    ),
    (
        "He said the officer on the bridge could not verify that the caller was a naval unit.",
        "He",
        "could not verify",
        "affirms",
    ),
    (
        "\"That is not an exaggeration, it is an invention,\" the spokeswoman said.",
        "the spokeswoman",
        "it is an invention",
        "denies",
    ),
    (
        "The regulator defended the increase, saying the rise affects only 15% of households, while the country's main labour union said at least 40% of consumers would pay more.",
        "the country's main labour union",
        "40% of consumers would pay more",
        "affirms",
    ),
    (
        "The survey centre, which asked 2,000 people face to face, found that the governor leads with 29 percent.",
        "The survey centre",
        "the governor leads with 29 percent",
        "affirms",
    ),
    (
        "The secretary general told the workers who gathered outside the gate that the port had been closed since Monday.",
        "The secretary general",
        "the port had been closed since Monday",
        "affirms",
    ),
    (
        "All the children recovered, the inspectorate wrote.",
        "the inspectorate",
        "All the children recovered",
        "affirms",
    ),
    (
        "The minister said last week in parliament that the shortage of fuel is the cause.",
        "The minister",
        "the shortage of fuel is the cause",
        "affirms",
    ),
    (
        "A source in the commission said that the commission had received no complaint, and reminded that the law forbids publishing polls in the last week.",
        "A source in the commission",
        "received no complaint",
        "denies",
    ),
    (
        "In the statement of the ministry, it is said that no negotiations about the sale were conducted.",
        "the statement of the ministry",
        "no negotiations about the sale were conducted",
        "denies",
    ),
    (
        "In the statement of the Directorate it was claimed that three phones were seized during the search.",
        "the statement of the Directorate",
        "three phones were seized",
        "affirms",
    ),
    (
        "According to information obtained from judicial sources, the prosecution is examining the bank transfers.",
        "judicial sources",
        "the prosecution is examining the bank transfers",
        "affirms",
    ),
    (
        "The water authority also recorded that until Friday three residents died.",
        "The water authority",
        "three residents died",
        "affirms",
    ),
    (
        "The claims were rejected by the ministry on Friday.",
        "the ministry",
        "The claims",
        "denies",
    ),
    (
        "The union leader said: \"It is not that we do not care about the people.\"",
        "The union leader",
        "we do not care about the people",
        "affirms",
    ),
    // A later clause or sentence of the opposite polarity is a claim of its
    // own, in reported speech and statements as in quotations.
    (
        "No arrest was made so far, but three local forwarding agents have been called to give their statement, the police chief Tomas Berg said.",
        "Tomas Berg",
        "three local forwarding agents have been called",
        "affirms",
    ),
    (
        "The fishermen ask a compensation of 1,500 bolivianos per family; the company has not offered anything concrete, the leaders of the union said.",
        "the leaders of the union",
        "has not offered anything concrete",
        "denies",
    ),
    (
        "The Port Authority said in its statement: At no moment was the passage of ambulances prevented. On the contrary, port vehicles transported four injured workers to the hospital.",
        "The Port Authority",
        "transported four injured workers",
        "affirms",
    ),
    // Reported speech that goes on past its attribution ("X, she said, and
    // Y") holds both clauses.
    (
        "The hull of the patrol boat was breached above the waterline, the navy spokeswoman Anna Berg said, and the boat had to be towed back to port.",
        "Anna Berg",
        "towed back to port",
        "affirms",
    ),
    // "By his words, X" reports X as "according to him" does.
    (
        "The vice-minister Nurlan Abdi spoke to journalists at the mine on Friday. By his words, the concentration of methane at the moment of the explosion reached 4.6 percent.",
        "Nurlan Abdi",
        "methane at the moment of the explosion reached 4.6 percent",
        "affirms",
    ),
    // "According to X, CLAUSE, and ...": the source ends at the first comma before a clause, whatever the tagger made of its verb (H92).
    (
        "According to Rahmonov, the rescuers advance in the blocked drift at about 6 metres per hour, and the miners may be 40 metres away.",
        "Rahmonov",
        "rescuers advance in the blocked drift",
        "affirms",
    ),
    (
        "According to the relatives, the company counts only the workers of the main staff, and it ignores the miners hired through the contractor.",
        "the relatives",
        "company counts only the workers",
        "affirms",
    ),
    // "TIME — According to X, ...": a label before the cue; the content follows the source (H92).
    (
        "8:30 AM — According to the union, the trucks in the line to the port reached almost 3 kilometres.",
        "the union",
        "trucks in the line to the port reached almost 3 kilometres",
        "affirms",
    ),
    // "...: according to X, ...": a clause closed by a colon before the cue (H92).
    (
        "The manager also questioned the number of patients: according to the company, only 12 children remain in hospital.",
        "the company",
        "only 12 children remain in hospital",
        "affirms",
    ),
    // "..., but according to X, CLAUSE": the cue opens a clause of its own (H92).
    (
        "The kidnappings of workers have decreased since 2019, but according to the data of the police, at least eleven cases were recorded last year.",
        "the police",
        "at least eleven cases were recorded",
        "affirms",
    ),
    // "which according to her received ...": the relative clause's predicate is the content (H92).
    (
        "The representative Ildiko Toth asked about the consulting firm Agro-Konzult, which according to her received 3.5 billion forints for the processing of the claims.",
        "her",
        "received 3.5 billion forints",
        "affirms",
    ),
    // "According to him CLAUSE" without a comma (H92).
    (
        "The engineer Jukka Hakkinen spoke to reporters. According to him after landing there remained 1,150 kilograms of fuel in the tanks.",
        "him",
        "there remained 1,150 kilograms of fuel",
        "affirms",
    ),
    // "CONTENT, according to a report which ...": the relative clause is the source's (H92).
    (
        "A group of hackers had access to the mail of the ministry for nine months, according to a report which the company Aegis Labs made public on Wednesday.",
        "a report",
        "hackers had access to the mail of the ministry",
        "affirms",
    ),
    // "CONTENT, according to X, and CLAUSE": the joined clause goes on with the content (H92).
    (
        "The traffic was interrupted for 95 minutes, according to the operator, and 11 trains accumulated delays.",
        "the operator",
        "11 trains accumulated delays",
        "affirms",
    ),
    // "According to X, CONTENT, which may indicate that ...": the writer's comment does not drop the claim (H92).
    (
        "According to the police, most of them left the territory by the rivers, which may indicate that the information leaked.",
        "the police",
        "most of them left the territory by the rivers",
        "affirms",
    ),
    (
        "According to Inese Berzina, the bank knew of the problems since March, and the bank received three written warnings.",
        "Inese Berzina",
        "bank received three written warnings",
        "affirms",
    ),
    // "In his opinion, ...", ", by her words, ...", "In the opinion of X, ...": a view reported as "according to" (H92).
    (
        "The economist Askar Nurmaganbetov spoke on television. In his opinion, the real weakening of the currency this year is already 16 percent.",
        "Askar Nurmaganbetov",
        "real weakening of the currency this year is already 16 percent",
        "affirms",
    ),
    (
        "The auditor Inese Berzina spoke to the committee. The bank's own capital, by her words, fell below 6 percent.",
        "Inese Berzina",
        "fell below 6 percent",
        "affirms",
    ),
    (
        "In the opinion of Dr. Ewa Sadowska from the University of Gdansk, the services often give bigger numbers in the first hours.",
        "Ewa Sadowska",
        "services often give bigger numbers",
        "affirms",
    ),
    // "X speaks of FIGURE" (H92).
    (
        "The farmers' association now speaks of 5,300 hectares flooded.",
        "The farmers' association",
        "5,300 hectares flooded",
        "affirms",
    ),
    // The rest of a quotation of several sentences whose first sentence is a claim's content (H92).
    (
        "The union leader Ali Hassan disputed this: \"The port authority is the one which signs the contracts. Saying they only pay the contractors is a way of washing their hands.\"",
        "Ali Hassan",
        "a way of washing their hands",
        "affirms",
    ),
    // "Q1," X said, "Q2": the part before the attribution is a claim of its own (H92).
    (
        "\"We were shouting that we have children,\" Javad Ahmadi said, \"but nobody from the big ship threw us a life jacket.\"",
        "Javad Ahmadi",
        "We were shouting that we have children",
        "affirms",
    ),
    // "Q," X said in an interview with the newspaper "TITLE": the quoted title is no content (H92).
    (
        "\"There are no foreign soldiers in the country,\" Pavel Orlov said in an interview with the newspaper \"Daily Courier\" published on Thursday.",
        "Pavel Orlov",
        "no foreign soldiers in the country",
        "denies",
    ),
    // "Q," declared X in front of ... : a longer adjunct after an inverted speaker (H92).
    (
        "\"The people has spoken with clarity,\" declared the candidate Ramiro Escalante in front of thousands of followers in the Plaza of the Constitution.",
        "Ramiro Escalante",
        "people has spoken with clarity",
        "affirms",
    ),
    // "..., as X announced.", "As X calculates, ...", ", as X established,": an "as" clause of a speaker and a reporting or finding verb (H92).
    (
        "The laboratory found 31 milligrams of ammonium per litre, as the association announced.",
        "the association",
        "31 milligrams of ammonium per litre",
        "affirms",
    ),
    (
        "As the Commission calculates, the cartel raised the price of flour by 22 percent.",
        "the Commission",
        "cartel raised the price of flour",
        "affirms",
    ),
    (
        "The damage to the state, as the court established, is 2.4 billion tenge.",
        "the court",
        "2.4 billion tenge",
        "affirms",
    ),
    // A negated frame of saying or truth over a negated clause affirms it (H94).
    (
        "\"Nobody can say that the residents were not warned,\" the mayor said.",
        "the mayor",
        "residents were not warned",
        "affirms",
    ),
    ("\"I did not say that the contract was never signed,\" the director said.", "the director", "never signed", "affirms"),
    ("\"It is not possible that nobody saw the fire,\" the inspector said.", "the inspector", "nobody saw the fire", "affirms"),
    (
        "\"It is not possible that the fire started in the kitchen,\" the inspector said.",
        "the inspector",
        "started in the kitchen",
        "denies",
    ),
    // "not X, but Y" and "and not in Z" set a phrase against the one affirmed (H94).
    ("The union said that the drivers earn not 300, but 450 euros a month.", "The union", "450 euros", "affirms"),
    ("The director said that the parcel arrived not on 3 May but on 14 May.", "The director", "on 14 May", "affirms"),
    (
        "The captain said that the ship was stopped inside the port and not in the open sea.",
        "The captain",
        "inside the port",
        "affirms",
    ),
    // A rumour is a claim called false (H94).
    ("The minister called this report \"cheap gossip\".", "The minister", "cheap gossip", "denies"),
    // "I am saying that X": the speaker's own saying passes X on (H94).
    ("\"I am saying that this signature is not mine,\" the director said.", "the director", "is not mine", "denies"),
    // Quotations listed by a fact check, one to a paragraph, without a
    // reporting verb (H98).
    (
        "2. Deputy Ana Morel: \"The bridge will cost the city 40 million euros.\"",
        "Deputy Ana Morel",
        "The bridge will cost the city 40 million euros",
        "affirms",
    ),
    (
        "Claim 3: \"The river level fell by two metres in one week.\" – Tomas Verhoeven, spokesman of the water board. Rating: False.",
        "Tomas Verhoeven",
        "river level fell by two metres",
        "affirms",
    ),
    (
        "Claim: \"The tunnel was never inspected after the flood.\" (Councillor Petra Lindahl, in a video posted on 4 May)",
        "Councillor Petra Lindahl",
        "The tunnel was never inspected",
        "denies",
    ),
    // An inverted speaker with a plural possessive, or with a relative
    // clause right on it (H98).
    (
        "The ferry was carrying twice the allowed load when it sank, says the Baltic Sailors' Union.",
        "the Baltic Sailors' Union",
        "twice the allowed load",
        "affirms",
    ),
    (
        "Four workers were injured in the blast, states the company \"Nordmine\" which runs the quarry.",
        "the company \"Nordmine\"",
        "Four workers were injured",
        "affirms",
    ),
    // "This is reported by X." attributes the sentence before it (H98).
    (
        "On Monday night, two drones struck the fuel depot near the border. This is reported by the Ministry of Defence of Veltria.",
        "the Ministry of Defence of Veltria",
        "two drones struck the fuel depot",
        "affirms",
    ),
];

#[test]
fn attribution_patterns_hold() {
    let pipeline = Pipeline::new().expect("the shipped models load");
    let mut failures = Vec::new();
    for (i, (text, speaker, content, stance)) in CASES.iter().enumerate() {
        let body = format!("Test article {i}\n\n{text}\n");
        let raw = single_document(&format!("case{i}.txt"), Format::Text, body.into_bytes()).expect("text reads");
        let doc = pipeline.analyse_raw(raw).expect("analysis runs");
        let rec = DocRecord::from_document(&doc);
        let found = rec.claims.iter().any(|c| {
            let named = c.speaker.name.as_deref().is_some_and(|n| n.contains(speaker));
            (c.speaker.text.contains(speaker) || named) && c.content.text.contains(content) && c.stance == *stance
        });
        if !found {
            let got: Vec<String> = rec
                .claims
                .iter()
                .map(|c| format!("{} ({:?}) | {} | {}", c.speaker.text, c.speaker.name, c.stance, c.content.text))
                .collect();
            failures.push(format!("{text}\n  want: {speaker} | {stance} | …{content}…\n  got:  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn requests_and_questions_are_not_claims() {
    let rec = record(
        "asked.txt",
        "Test article\n\nAccording to a source who asked not to be named, the audit is over.\n\nAsked about the remark that he had not visited a single village, Celik laughed: \"I visited nine villages today.\"\n\nThe minister said it was absurd to suggest that the aid was political.\n",
    );
    for c in &rec.claims {
        assert!(!matches!(c.cue.text.as_str(), "asked" | "Asked" | "suggest"), "{:?}", c);
    }
    assert!(rec.claims.iter().any(|c| c.content.text.contains("the audit is over")));
    // A passive without an agent names no speaker; its subject is what was
    // reported ("Marta" neither accuses nor reports), and a reminder with no
    // clause reports nothing.
    let rec = record(
        "passive.txt",
        "Test article\n\nMarta Pestana was accused of taking bribes.\n\nThe attack was reported on Monday.\n\nThe candidate reminds us of the houseguest who will not leave.\n\nThe old photograph reminds us of that terrible winter in the camp.\n",
    );
    assert!(rec.claims.is_empty(), "{:?}", rec.claims);
}

#[test]
fn a_datelines_dash_and_a_relative_clause_leave_the_speaker() {
    let rec = record(
        "dash.txt",
        "Test article\n\nOrsk, 24 October. /Valdoria Courier/ - The space agency confirmed today that the satellite was lost.\n\nAccording to the report of the committee, to which the Orsk Herald had access, 41 delegates voted.\n",
    );
    let speakers: Vec<&str> = rec.claims.iter().map(|c| c.speaker.text.as_str()).collect();
    assert!(speakers.contains(&"The space agency"), "{speakers:?}");
    // No speaker is punctuation only.
    assert!(speakers.iter().all(|s| s.is_empty() || s.chars().any(char::is_alphanumeric)), "{speakers:?}");
    assert!(speakers.contains(&"the report of the committee"), "{speakers:?}");
    // Nor is that relative clause the content's.
    assert!(rec.claims.iter().all(|c| !c.content.text.contains("to which")), "{:?}", rec.claims);
}

#[test]
fn a_leads_description_is_the_person_quoted_next() {
    let rec = record(
        "lead.txt",
        "Test article\n\nOrsk's water minister on Friday dismissed as \"fabricated\" the figures published by Valdoria.\n\n\"Every year we let pass 14 billion cubic metres,\" Anton Belik told reporters after a cabinet meeting.\n",
    );
    let lead = rec.claims.iter().find(|c| c.content.text.contains("figures published")).expect("the lead's claim");
    assert_eq!(lead.speaker.name.as_deref(), Some("Anton Belik"), "{lead:?}");
    // A person of another role quoted next is someone else.
    let rec = record(
        "other.txt",
        "Test article\n\nOrsk's foreign minister on Friday rejected the figures published by Valdoria.\n\n\"We have shared every figure,\" said Lena Brix, the ministry's spokeswoman.\n",
    );
    let lead = rec.claims.iter().find(|c| c.content.text.contains("figures published")).expect("the lead's claim");
    assert_ne!(lead.speaker.name.as_deref(), Some("Lena Brix"), "{lead:?}");
}

/// The public record of one made-up text article.
fn record(name: &str, body: &str) -> DocRecord {
    let pipeline = Pipeline::new().expect("the shipped models load");
    let raw = single_document(name, Format::Text, body.as_bytes().to_vec()).expect("text reads");
    let doc = pipeline.analyse_raw(raw).expect("analysis runs");
    DocRecord::from_document(&doc)
}

/// The entity a claim's speaker resolved to.
fn speaker_entity<'r>(rec: &'r DocRecord, claim: &ClaimOut) -> Option<&'r EntityOut> {
    claim.speaker.entity.as_deref().and_then(|id| rec.entities.iter().find(|e| e.id == id))
}

#[test]
fn a_dateline_is_not_part_of_the_speaker() {
    let body = "Test article\n\nNorvik - The head of the regional police department announced the arrest of 12 people \
                and said: The reports of deaths among the protesters are completely fabricated.\n";
    let rec = record("dateline.txt", body);
    let speakers: Vec<&str> = rec.claims.iter().map(|c| c.speaker.text.as_str()).collect();
    assert!(!speakers.is_empty(), "no claim found");
    assert!(speakers.iter().all(|s| s.starts_with("The head of the regional police")), "{speakers:?}");
}

/// A span of time standing before a speech verb is never its speaker
/// ("... a full day before the mayor's office, two hours later announced
/// ..."): the claim takes another speaker or none, never "two hours".
#[test]
fn a_span_of_time_is_not_a_speaker() {
    let body = "Test article\n\nThe council knew of the flooding in Harwick a full day before the briefing; \
                only two hours later announced that the bridge would be closed until March.\n";
    let rec = record("time.txt", body);
    let speakers: Vec<&str> = rec.claims.iter().map(|c| c.speaker.text.as_str()).collect();
    assert!(speakers.iter().all(|s| !s.contains("hours")), "{speakers:?}");
}

/// An unnamed speaker described once ("An official of the ministry, who
/// asked not to be named") and then taken up by a short definite
/// description ("The official said") is one speaker, known by the first
/// description.
#[test]
fn a_definite_description_takes_up_the_unnamed_speaker_described_before() {
    let body = "Test article\n\nAn official of the ministry, who asked not to be named, told our newspaper \
                that the death of three workers was confirmed.\n\nThe official said that the inspection in April \
                was only a paper control.\n";
    let rec = record("official.txt", body);
    let first = rec.claims.iter().find(|c| c.content.text.contains("three workers")).expect("the first claim");
    let later = rec.claims.iter().find(|c| c.content.text.contains("paper control")).expect("the later claim");
    let (a, b) = (speaker_entity(&rec, first), speaker_entity(&rec, later));
    assert!(a.is_some() && a.map(|e| &e.id) == b.map(|e| &e.id), "{:?} / {:?}", a.map(|e| &e.name), b.map(|e| &e.name));
    assert_eq!(b.map(|e| e.name.as_str()), Some("An official of the ministry"));
}

/// A role that runs on into the name without a comma ("the vice-minister
/// of transport Ilya Dorn declared") is that person's, so that "the
/// vice-minister" later resolves to him.
#[test]
fn a_one_word_ranked_role_resolves_to_its_holder() {
    let body = "Test article\n\nAs the vice-minister of transport Ilya Dorn declared at the briefing, no bridge was closed.\n\n\
                The vice-minister also rejected the information that the ferry had sunk.\n";
    let rec = record("role.txt", body);
    let rejection =
        rec.claims.iter().find(|c| c.content.text.contains("ferry had sunk")).expect("the rejection is a claim");
    assert_eq!(rejection.speaker.name.as_deref(), Some("Ilya Dorn"), "{:?}", rejection.speaker);
}

/// A wire dateline is not part of the content, and "according to" a
/// measure ("pays according to the tonnage") attributes nothing.
#[test]
fn datelines_and_measures_are_not_attribution() {
    let body =
        "Test article\n\nNorvik, 15 May 2025 (Norvik Post) - More than 60 stalls were removed in the old market, \
                denounced the Association of Traders.\n\nEach trader pays according to the size of the stall.\n";
    let rec = record("dateline2.txt", body);
    let contents: Vec<&str> = rec.claims.iter().map(|c| c.content.text.as_str()).collect();
    assert!(contents.iter().any(|c| c.starts_with("More than 60 stalls")), "{contents:?}");
    assert!(contents.iter().all(|c| !c.contains("Norvik Post") && !c.contains("Each trader")), "{contents:?}");
}

/// A communiqué that announces its points ("informs the public the
/// following:") states each numbered paragraph after it.
#[test]
fn an_announced_list_is_the_speakers() {
    let body = "Test article\n\nThe Police Command of Norvik informs the public the following:\n\n\
                1. On Wednesday police personnel cleared the highway, which had been blocked for eight days.\n\n\
                2. The officers deployed did not carry firearms.\n\nThe commander said the operation was lawful.\n";
    let rec = record("list.txt", body);
    let by_command: Vec<(&str, &str)> = rec
        .claims
        .iter()
        .filter(|c| c.speaker.text.contains("Police Command"))
        .map(|c| (c.content.text.as_str(), c.stance.as_str()))
        .collect();
    assert!(by_command.iter().any(|(t, s)| t.contains("cleared the highway") && *s == "affirms"), "{by_command:?}");
    assert!(by_command.iter().any(|(t, s)| t.contains("did not carry firearms") && *s == "denies"), "{by_command:?}");
    assert!(by_command.iter().all(|(t, _)| !t.contains("the following")), "{by_command:?}");
}

/// "It should be recalled that ...", "It was reported that ...": an
/// impersonal passive has no speaker, and "it" is not resolved to the body
/// named before it.
#[test]
fn an_impersonal_passive_has_no_speaker() {
    let body = "Test article\n\nThe Ministry of Fisheries rejected the report. It should be recalled that at least 60 \
                young people have gone missing at sea since January.\n";
    let rec = record("it.txt", body);
    let recalled = rec.claims.iter().find(|c| c.content.text.contains("60 young people")).expect("the claim is found");
    assert!(recalled.speaker.text.is_empty() && recalled.speaker.entity.is_none(), "{:?}", recalled.speaker);
}

/// A briefing printed as labelled turns: every sentence of an answer is the
/// labelled speaker's claim with its own stance, first-person cues inside it
/// are the speaker's, and what a question supposes is no claim.
#[test]
fn labelled_turns_are_the_speakers_claims() {
    let body = "Briefing of the defence ministry\n\n\
                The ministry's spokesman, Colonel Tomas Wirth, answered questions from journalists on Monday.\n\n\
                Col. Wirth: The artillery fired at military targets only. The figure of 40,000 shells is false.\n\n\
                Question (Radio Nord): Does the ministry admit that it attacked first?\n\n\
                Col. Wirth: No. There were no children in the school. I do not deny that there are victims on both sides.\n";
    let rec = record("briefing.txt", body);
    let by_wirth: Vec<(&str, &str)> = rec
        .claims
        .iter()
        .filter(|c| c.speaker.text.contains("Wirth"))
        .map(|c| (c.content.text.as_str(), c.stance.as_str()))
        .collect();
    let has = |words: &str, stance: &str| by_wirth.iter().any(|(t, s)| t.contains(words) && *s == stance);
    assert!(has("fired at military targets", "affirms"), "{by_wirth:?}");
    assert!(has("40,000 shells is false", "denies"), "{by_wirth:?}");
    assert!(has("no children in the school", "denies"), "{by_wirth:?}");
    assert!(has("victims on both sides", "affirms"), "{by_wirth:?}");
    assert!(rec.claims.iter().all(|c| !c.content.text.contains("attacked first")), "{:?}", rec.claims);
}

/// "The statement said" is an organisation's statement: the last
/// organisation that spoke, though its director spoke after it.
#[test]
fn a_statement_is_the_organisations() {
    let body = "Test article\n\nThe Kenya Ports Authority said on Monday that the strike was illegal. Its managing \
                director, Halima Rotich, said the authority was ready to talk. The statement said that 14 ships were \
                handled on Tuesday alone.\n";
    let rec = record("statement.txt", body);
    let claim = rec.claims.iter().find(|c| c.content.text.contains("14 ships")).expect("the statement's claim");
    assert!(claim.speaker.name.as_deref().is_some_and(|n| n.contains("Ports Authority")), "{:?}", claim.speaker);
}

/// Turns labelled by initials: "M.K." is the one person of the article
/// whose name has those initials, and initials that fit nobody are the
/// interviewer's questions, whose opening vocative is nobody's speech.
#[test]
fn initials_labels_name_the_interviewee() {
    let body = "Interview with the union leader\n\n                Our reporter spoke with Marta Kovalenko, chair of the dockers' union. The questions were asked by J.A.\n\n                J.A.: Mrs. Kovalenko, the minister says the strike is illegal. Is it?\n\n                M.K.: No, that is not correct. We gave notice on 2 May. Two cranes have stood still since January.\n\n                J.A.: Will you strike?\n\n                M.K.: We do not want a strike.\n";
    let rec = record("initials.txt", body);
    let by_her: Vec<(&str, &str)> = rec
        .claims
        .iter()
        .filter(|c| c.speaker.text.contains("Kovalenko"))
        .map(|c| (c.content.text.as_str(), c.stance.as_str()))
        .collect();
    let has = |words: &str, stance: &str| by_her.iter().any(|(t, s)| t.contains(words) && *s == stance);
    assert!(has("We gave notice on 2 May", "affirms"), "{by_her:?}");
    assert!(has("We do not want a strike", "denies"), "{by_her:?}");
    assert!(by_her.iter().all(|(t, _)| !t.contains("strike is illegal")), "{by_her:?}");
    let minister = rec.claims.iter().find(|c| c.content.text.contains("strike is illegal"));
    assert!(minister.is_none_or(|c| c.speaker.text == "the minister"), "{minister:?}");
}

/// An interview's "A:" answers belong to the person the introduction names
/// last before the first question.
#[test]
fn interview_answers_are_the_interviewees() {
    let body = "Interview with the port director\n\n\
                The ferry sank on Friday. We asked the director of the port, Aiko Morin, about the inquiry.\n\n\
                Q: What happened?\n\n\
                A: The ferry changed its course suddenly. The crew did not answer our radio calls.\n\n\
                Q: Were there victims?\n\n\
                A: Two sailors were injured.\n";
    let rec = record("qa.txt", body);
    let by_morin: Vec<(&str, &str)> = rec
        .claims
        .iter()
        .filter(|c| c.speaker.text.contains("Morin"))
        .map(|c| (c.content.text.as_str(), c.stance.as_str()))
        .collect();
    assert!(by_morin.iter().any(|(t, s)| t.contains("changed its course") && *s == "affirms"), "{by_morin:?}");
    assert!(by_morin.iter().any(|(t, s)| t.contains("did not answer our radio") && *s == "denies"), "{by_morin:?}");
    assert!(by_morin.iter().any(|(t, _)| t.contains("Two sailors were injured")), "{by_morin:?}");
}

/// A press conference printed as "Q (who asks): ..." and "A (who answers):
/// ...": each answer sentence is the bracketed person's, the label is no
/// part of a speaker named in a question, and "according to the procedure"
/// is how something was done, not a source.
#[test]
fn bracketed_question_and_answer_labels() {
    let body = "Press conference on the flood\n\n\
                The provincial committee held a press conference on Monday.\n\n\
                Q (reporter of Radio Nord): Many residents said that the warning came late. Is that true?\n\n\
                A (Mr. Tran Van Long, director of the plant): That is not correct. We sounded the sirens. \
                The plant operated exactly according to the operating procedure.\n\n\
                Q: And the flow?\n\n\
                A (Mr. Long): The plant did not create the flood.\n";
    let rec = record("presser.txt", body);
    let by_long: Vec<(&str, &str)> = rec
        .claims
        .iter()
        .filter(|c| c.speaker.text.contains("Long"))
        .map(|c| (c.content.text.as_str(), c.stance.as_str()))
        .collect();
    let has = |words: &str, stance: &str| by_long.iter().any(|(t, s)| t.contains(words) && *s == stance);
    assert!(has("That is not correct", "denies"), "{by_long:?}");
    assert!(has("sounded the sirens", "affirms"), "{by_long:?}");
    assert!(has("operated exactly according to the operating procedure", "affirms"), "{by_long:?}");
    assert!(has("did not create the flood", "denies"), "{by_long:?}");
    let residents =
        rec.claims.iter().find(|c| c.content.text.contains("warning came late")).expect("the claim is found");
    assert_eq!(residents.speaker.text, "Many residents");
}

/// A colon and a quotation after a verb the lexicon does not know ("opened:")
/// make a saying of it, with the whole quotation as content; a relative
/// clause's verb ("which we translate:") does not.
#[test]
fn a_verb_before_a_colon_and_quotation_says_it() {
    let body =
        "Test article\n\nThe deputy governor, Anna Berg, opened: \"The flood was historic. More than 1,200 houses \
                were flooded.\"\n\nThe coast guard replied with a statement, which we translate: \"No deaths were \
                recorded during the operation.\"\n";
    let rec = record("opened.txt", body);
    let opened = rec.claims.iter().find(|c| c.cue.text == "opened").expect("the claim is found");
    assert!(opened.content.text.contains("1,200 houses"), "{:?}", opened.content);
    assert!(opened.speaker.text.contains("Anna Berg"), "{:?}", opened.speaker);
    assert!(rec.claims.iter().all(|c| c.cue.text != "translate"), "{:?}", rec.claims);
}

/// "If the suspicion is confirmed, we will ...": a cue inside a conditional
/// clause reports nothing.
#[test]
fn a_conditional_clause_is_no_attribution() {
    let body = "Test article\n\nIf the suspicion is confirmed, the prosecutors will open a case against the captain.\n";
    let rec = record("if.txt", body);
    assert!(rec.claims.iter().all(|c| c.cue.text != "is confirmed" && c.cue.text != "confirmed"), "{:?}", rec.claims);
}

/// "he" does not resolve to a person the text calls a spokeswoman: the
/// pronoun skips the earlier speaker of the other gender.
#[test]
fn a_pronoun_agrees_with_a_gendered_role() {
    let body =
        "Test article\n\nA spokeswoman of the agency, Carla Venti, said that 112 people were counted on the quay.\n\n\
                The ship's doctor, Yusuf Amrani, has spoken to reporters. \"We recovered one body,\" he says.\n";
    let rec = record("he.txt", body);
    let body_claim =
        rec.claims.iter().find(|c| c.content.text.contains("recovered one body")).expect("the claim is found");
    let entity = speaker_entity(&rec, body_claim);
    assert!(entity.is_some_and(|e| e.name.contains("Amrani")), "{:?} -> {entity:?}", body_claim.speaker);
}

/// A paragraph that names one person before "he" is that person's, even
/// when an earlier paragraph's speaker could be "he" too.
#[test]
fn a_pronoun_continues_the_person_its_paragraph_names() {
    let body = "Test article\n\nThe harbour master, Kim Lorens, said that 87 people were counted on the quay.\n\n\
                The ship's doctor, Yusuf Amrani, has spoken to reporters. \"We recovered one body,\" he says.\n";
    let rec = record("para.txt", body);
    let body_claim =
        rec.claims.iter().find(|c| c.content.text.contains("recovered one body")).expect("the claim is found");
    let entity = speaker_entity(&rec, body_claim);
    assert!(entity.is_some_and(|e| e.name.contains("Amrani")), "{:?} -> {entity:?}", body_claim.speaker);
}

/// "she" after a paragraph that names a woman ("Mrs. T.") and a man of
/// unknown gender is hers, not the earlier paragraph's speaker, whose
/// gender the text never gives.
#[test]
fn a_pronoun_takes_the_person_of_its_known_gender() {
    let body = "Test article\n\nLieutenant Colonel Arno Pekk said that the fire was controlled in the same night.\n\n\
                The director of the park, Mrs. Liis Tamm, who replaced Juri Saar in May, gave a different figure. \
                She said that 38 hectares had burned.\n";
    let rec = record("gender.txt", body);
    let burned = rec.claims.iter().find(|c| c.content.text.contains("38 hectares")).expect("the claim is found");
    let entity = speaker_entity(&rec, burned);
    assert!(entity.is_some_and(|e| e.name.contains("Tamm")), "{:?} -> {entity:?}", burned.speaker);
}

/// A description written before a courtesy title and a name ("Health
/// Minister Dr. NAME", "ROLE, Dkt. NAME") is the person's role, so that
/// "the minister" and "the Permanent Secretary" later resolve to them.
#[test]
fn a_role_before_a_title_and_a_name_is_the_persons() {
    let body =
        "Test article\n\nHealth Minister Dr. Amir Rahman Khan yesterday rejected the news that he has resigned. \
                \"I have not resigned,\" the minister told reporters.\n\n\
                The Permanent Secretary of the Ministry, Dkt. Rehema Juma Mussa, said that the fishermen will be taken \
                to court. \"They will be treated like any other foreigner,\" the Permanent Secretary said.\n";
    let rec = record("titles.txt", body);
    let who = |words: &str| {
        let c = rec.claims.iter().find(|c| c.content.text.contains(words)).expect("the claim is found");
        speaker_entity(&rec, c).map(|e| e.name.clone())
    };
    assert!(who("not resigned").is_some_and(|n| n.contains("Khan")), "{:?}", who("not resigned"));
    assert!(who("any other foreigner").is_some_and(|n| n.contains("Mussa")), "{:?}", who("any other foreigner"));
}

/// "he"/"she" after an unnamed person described in their paragraph ("A
/// member of a rescue team, who asked not to be named, said ...", "A nurse
/// ..., gave a different description. "...," she said", "A spokesman for
/// the company said ... . He said") is that person, not a named speaker of
/// an earlier paragraph; the spokesman's words stay the company's.
#[test]
fn a_pronoun_continues_the_unnamed_person_described_before_it() {
    let body = "Test article\n\nMayor Tomas Brenner said the rescue was fast and that the company had been warned.\n\n\
                A member of a local volunteer rescue team, who asked not to be named, said the bodies are very hard \
                to find. Maybe more than 50 people were working on the slope at that time, he said.\n\n\
                The director of the hospital, Prof. Eli Aron, said that 18 operations were postponed.\n\n\
                A nurse in the surgical department, who asked not to be identified, gave a different description. \
                \"We worked with paper and pen for three days. At least 60 operations were cancelled,\" she said.\n\n\
                A spokesman for the Kano Power Company said 38,000 customers were in Band A. He said the company \
                supplied the feeders for 21 hours a day.\n";
    let rec = record("described.txt", body);
    let who = |words: &str| {
        let c = rec.claims.iter().find(|c| c.content.text.contains(words)).expect("the claim is found");
        speaker_entity(&rec, c).map(|e| e.name.clone())
    };
    assert!(who("50 people").is_some_and(|n| n.starts_with("A member")), "{:?}", who("50 people"));
    assert!(who("paper and pen").is_some_and(|n| n.starts_with("A nurse")), "{:?}", who("paper and pen"));
    assert!(who("21 hours").is_some_and(|n| n.contains("Kano")), "{:?}", who("21 hours"));
}

/// "the commander said" where no one of the document holds that role
/// continues the person the text was just about ("City police
/// commissioner W. ... . He said ... . "...," the commander said").
#[test]
fn a_bare_role_nobody_holds_continues_the_previous_person() {
    let body =
        "Test article\n\nCity police commissioner Anton Weber, reached by phone, maintained that the toll was 12. \
                He said he had not read the report. \"I cannot say anything about a paper I have not seen,\" the \
                commander said.\n";
    let rec = record("commander.txt", body);
    let c = rec.claims.iter().find(|c| c.content.text.contains("cannot say anything")).expect("the claim is found");
    let entity = speaker_entity(&rec, c);
    assert!(entity.is_some_and(|e| e.name.contains("Weber")), "{:?} -> {entity:?}", c.speaker);
}

/// "Asked about the remarks of the minister NAME, the spokeswoman said":
/// a description after a name and a comma that a verb follows is the next
/// clause's subject, not the name's apposition; and "the spokeswoman of
/// the ministry, commander NAME" (a lower-case rank before the name) is
/// that person's role, so "the spokeswoman" is hers.
#[test]
fn a_description_opening_the_next_clause_is_not_the_names() {
    let body =
        "Test article\n\n\"None of our aircraft crossed the border,\" declared the spokeswoman of the ministry, \
                commander Mirela Stanciu, in a press conference.\n\n\
                Asked about the declarations of the Sarvenian minister Abel Halmagyi, the spokeswoman said that such \
                information is not obligatory.\n";
    let rec = record("asked.txt", body);
    let c = rec.claims.iter().find(|c| c.content.text.contains("not obligatory")).expect("the claim is found");
    let entity = speaker_entity(&rec, c);
    assert!(entity.is_some_and(|e| e.name.contains("Stanciu")), "{:?} -> {entity:?}", c.speaker);
}

/// "X fired 40,000 shells; Y calls the toll a fabrication": a semicolon
/// before the next attribution ends the content of the first.
#[test]
fn a_semicolon_ends_the_content_before_the_next_attribution() {
    let body = "Test article\n\nMarenland says Tarvia fired 40,000 shells into the valley; Tarvia calls the toll a \"fabrication\".\n";
    let rec = record("semi.txt", body);
    let fired = rec.claims.iter().find(|c| c.content.text.contains("40,000 shells")).expect("the claim is found");
    assert!(!fired.content.text.contains("fabrication"), "{:?}", fired.content.text);
}

/// "The official said" after a sentence about a named deputy minister is
/// hers, and "the functionary stressed" after a quoted regulator is his:
/// translations and wire copy avoid repeating a name with a generic noun.
/// An anonymous official introduced as such stays anonymous.
#[test]
fn a_generic_noun_continues_the_previous_sentences_person() {
    let body = "Test article\n\nDeputy Minister for Roads Lina Oberg, who sat beside him, defended the schedule. \
                The official said the ministry had paid 12 million crowns to the families.\n\n\
                The head of the regulator, Pavel Dunin, told reporters that the audit would take months. \
                The functionary stressed that the inquiry does not presume guilt.\n\n\
                A senior official who asked not to be named said the talks had stalled. \
                The official said the talks would resume in May.\n";
    let rec = record("generic.txt", body);
    let who = |words: &str| {
        let c = rec.claims.iter().find(|c| c.content.text.contains(words)).expect("the claim is found");
        speaker_entity(&rec, c).map(|e| e.name.clone())
    };
    assert!(who("paid 12 million").is_some_and(|n| n.contains("Oberg")), "{:?}", who("paid 12 million"));
    assert!(who("presume guilt").is_some_and(|n| n.contains("Dunin")), "{:?}", who("presume guilt"));
    assert!(!who("would resume").is_some_and(|n| n.contains("Dunin") || n.contains("Oberg")));
}

/// A role noun no entity's role matches word for word ("the president of
/// the board" after "the president of the NRB, X") continues the person of
/// the same role just quoted; a generic noun after a quotation ("affirmed
/// the executive") continues the person named before it.
#[test]
fn a_role_noun_continues_the_person_of_that_role() {
    let body = "Test article\n\nIn a statement, the president of the NRB, Tomas Avelar, informed that turnout was 61 percent. \
                \"The vote was fair,\" he said.\n\n\
                The president of the board rejected the accusations of the opposition.\n\n\
                The director of Ferrata, Ilse Vantongeren, spoke to analysts. \"We have never invented loans. \
                Every loan has a contract,\" affirmed the executive.\n";
    let rec = record("role.txt", body);
    let who = |words: &str| {
        let c = rec.claims.iter().find(|c| c.content.text.contains(words)).expect("the claim is found");
        speaker_entity(&rec, c).map(|e| e.name.clone())
    };
    assert!(who("accusations").is_some_and(|n| n.contains("Avelar")), "{:?}", who("accusations"));
    assert!(who("invented loans").is_some_and(|n| n.contains("Vantongeren")), "{:?}", who("invented loans"));
}

/// Three shapes of translated wire copy: a source set off by commas inside
/// its content ("X, according to him, "are not ...""), an "according to"
/// whose content lists names before its verb, and a subject in apposition
/// before a cue whose object follows ("A representative ..., Dr. X,
/// confirmed the delivery"): the object is what is confirmed, not who.
#[test]
fn according_to_inside_the_content_and_a_subject_before_the_cue() {
    let body = "Test article\n\nThe minister of health, Dr. Paul Ndam, spoke on Monday. \
                The doctors of the union, according to him, \"are not on the ground in Maroua\". \
                According to the minister, only three districts, Maroua, Mora and Kaele, are touched.\n\n\
                A representative of the agency in Chad, Dr. Emile Towa, confirmed the delivery of the vaccines.\n";
    let rec = record("according.txt", body);
    let ground = rec.claims.iter().find(|c| c.content.text.contains("not on the ground")).expect("the claim is found");
    assert!(ground.content.text.contains("doctors of the union"), "{:?}", ground.content.text);
    assert_eq!(ground.stance.as_str(), "denies");
    let districts = rec.claims.iter().find(|c| c.content.text.contains("are touched")).expect("the claim is found");
    assert!(districts.content.text.contains("only three districts"), "{:?}", districts.content.text);
    assert!(speaker_entity(&rec, districts).is_some_and(|e| e.name.contains("Ndam")));
    let vaccines = rec.claims.iter().find(|c| c.cue.text == "confirmed").expect("the claim is found");
    assert!(vaccines.content.text.contains("delivery of the vaccines"), "{:?}", vaccines.content.text);
    assert!(speaker_entity(&rec, vaccines).is_some_and(|e| e.name.contains("Towa")));
}

/// "The delegate affirmed that", where the tagger reads "delegate" as an
/// adjective and "affirmed" as a noun: a past form between a noun or
/// adjective and "that" is the reporting verb.
#[test]
fn a_past_cue_the_tagger_reads_as_a_noun() {
    let body = "Test article\n\nThe delegate affirmed that the centres do not lack medicines.\n";
    let rec = record("delegate.txt", body);
    let c = rec.claims.iter().find(|c| c.content.text.contains("lack medicines")).expect("the claim is found");
    assert_eq!(c.cue.text, "affirmed");
    assert_eq!(c.stance.as_str(), "denies");
}

/// "indicated by telephone that": the means of contact stands between the
/// cue and its content; "The head of the agency that runs the dam told":
/// the subject holds a relative clause; "no greater than 60 days" bounds a
/// number and "not for the first time" repeats: neither negates.
#[test]
fn adjuncts_relative_subjects_and_bounds() {
    let body = "Test article\n\nThe regional delegate, Dr. Ines Carvo, indicated by telephone that the centres count 38 patients.\n\n\
                The head of the agency that runs the Tamu dam told a committee that warnings were sent to every district.\n\n\
                The director, Luis Prado, assured that the results will be made public in a period no greater than 60 days.\n\n\
                The ministry says that the other side \"not for the first time\" violates the agreements.\n";
    let rec = record("adjuncts.txt", body);
    let find = |words: &str| rec.claims.iter().find(|c| c.content.text.contains(words)).expect("the claim is found");
    assert!(speaker_entity(&rec, find("38 patients")).is_some_and(|e| e.name.contains("Carvo")));
    assert!(find("warnings were sent").speaker.text.starts_with("The head of the agency"));
    assert_eq!(find("made public").stance.as_str(), "affirms");
    assert_eq!(find("violates the agreements").stance.as_str(), "affirms");
}

/// A speaker after the cue with a relative clause ("said a pensioner at the
/// weir who did not want to be named") keeps the quotation before it; a
/// witness "who testified last month" states nothing there; and what staff
/// were "told to write" is nobody's claim.
#[test]
fn inverted_speaker_with_a_relative_clause_and_no_claims_from_instructions() {
    let body = "Test article\n\n\"My grandfather fished here. Now there is nothing,\" said a pensioner at the weir \
                who did not want to be named.\n\n\
                A former employee, Ana Sol, who testified last month as a witness of the prosecution, said in court \
                that the director told the staff to write \"spare parts\" on the invoices.\n";
    let rec = record("relative.txt", body);
    let fish = rec.claims.iter().find(|c| c.content.text.contains("grandfather fished")).expect("the claim is found");
    assert!(fish.speaker.text.starts_with("a pensioner"), "{:?}", fish.speaker.text);
    assert!(rec.claims.iter().all(|c| c.cue.text != "testified"), "{:?}", rec.claims);
    assert!(rec.claims.iter().all(|c| c.content.text != "spare parts"));
    assert!(rec.claims.iter().any(|c| c.content.text.contains("told the staff to write")));
}

/// "On the other hand SP R.K. Varma said ...", then "the SP said": the
/// discourse phrase is no part of the speaker, and the abbreviated title
/// the name was written with stands for that person; "At the same time, I
/// want to be clear:" announces what follows it.
#[test]
fn an_abbreviated_title_and_an_announcing_frame_after_an_opener() {
    let body = "Test article\n\nOn the other hand SP R.K. Varma said that the man was brought in at 7 pm. \
                \"There is no truth in the allegation of beating,\" the SP said.\n\n\
                The chief executive, Dana Roll, said: \"At the same time, I want to be clear: at no time did the \
                values exceed the limits.\"\n";
    let rec = record("title.txt", body);
    let first = rec.claims.iter().find(|c| c.content.text.contains("brought in")).expect("the claim is found");
    assert!(first.speaker.text.starts_with("SP"), "{:?}", first.speaker.text);
    let beating = rec.claims.iter().find(|c| c.content.text.contains("no truth")).expect("the claim is found");
    assert!(speaker_entity(&rec, beating).is_some_and(|e| e.name.contains("Varma")));
    let limits = rec.claims.iter().find(|c| c.content.text.contains("exceed the limits")).expect("the claim is found");
    assert_eq!(limits.stance.as_str(), "denies");
}

/// "The representative, for his part, denied": the discourse phrase set off
/// by commas is no part of the speaker, who continues the agent just named.
#[test]
fn for_his_part_between_commas() {
    let body = "Test article\n\nThe agent of the player, Rodrigo Fuenzal, spoke on radio. \
                The representative, for his part, denied that any commission was paid.\n";
    let rec = record("part.txt", body);
    let c = rec.claims.iter().find(|c| c.content.text.contains("commission")).expect("the claim is found");
    assert_eq!(c.speaker.text, "The representative");
    assert!(speaker_entity(&rec, c).is_some_and(|e| e.name.contains("Fuenzal")));
}

/// "Those who said the economy was their top issue split evenly": a
/// relative clause that picks out a set of people (an exit poll's group)
/// reports no speech of theirs.
#[test]
fn a_set_of_people_reports_nothing() {
    let body = "Test article\n\nThose who said the economy was their top issue split about evenly between the two \
                candidates.\n";
    let rec = record("those.txt", body);
    assert!(rec.claims.is_empty(), "{:?}", rec.claims);
}

/// "X said that the sporting director, Y, promised him a commission": the
/// cue after the apposition's comma is the verb of X's content, not an
/// inverted attribution; and "For his part, the representative ..., Z,
/// asked ... and demanded that ..." gives the coordinated cue Z.
#[test]
fn a_cue_after_an_apposition_inside_a_that_clause() {
    let body = "Test article\n\nIn declarations to a radio, Rodrigo Fuenzal said that the sporting director, Ignacio \
                Ibarra, promised him verbally a commission of 2.8 million euros.\n\n\
                For his part, the representative of the ombudsman, Marcelo Arandi, asked the ministry an \"impartial\" \
                investigation and demanded that the police present the list of the weapons.\n";
    let rec = record("apposition.txt", body);
    let said = rec.claims.iter().find(|c| c.cue.text == "said").expect("the claim is found");
    assert!(said.content.text.contains("promised him verbally"), "{:?}", said.content.text);
    assert!(rec.claims.iter().all(|c| c.cue.text != "promised"), "{:?}", rec.claims);
    let demanded = rec.claims.iter().find(|c| c.cue.text == "demanded").expect("the claim is found");
    assert!(speaker_entity(&rec, demanded).is_some_and(|e| e.name.contains("Arandi")), "{:?}", demanded.speaker);
}

/// '"...," said the judge in the reading of the judgment, which lasted
/// three hours': an adjunct and a relative clause after an inverted
/// speaker; "has no doubt that" is certainty, not a negation.
#[test]
fn an_inverted_speaker_with_an_adjunct_and_no_doubt() {
    let body =
        "Test article\n\n\"The court has no doubt that the payments existed,\" said the judge in the reading of \
                the judgment, which lasted almost three hours.\n";
    let rec = record("judge.txt", body);
    let c = rec.claims.iter().find(|c| c.content.text.contains("payments existed")).expect("the claim is found");
    assert!(c.speaker.text.starts_with("the judge"), "{:?}", c.speaker.text);
    assert_eq!(c.stance.as_str(), "affirms");
}

/// A negation inside a clause another verb of the content reports ("the
/// club wants to pretend that the conversation did not exist") is not the
/// speaker's; under a factive verb ("officers understand that we do not
/// have a strategy") it is.
#[test]
fn a_negation_embedded_under_another_verb() {
    let body = "Test article\n\nThe agent, Rodrigo Fuenzal, said the club now wants to pretend that the conversation \
                did not exist.\n\n\
                The analyst, Sebastian Gorky, said officers understand that we do not have a strategy.\n";
    let rec = record("embedded.txt", body);
    let find = |w: &str| rec.claims.iter().find(|c| c.content.text.contains(w)).expect("the claim is found");
    assert_eq!(find("pretend").stance.as_str(), "affirms");
    assert_eq!(find("strategy").stance.as_str(), "denies");
}

/// "A nurse at the hospital, who spoke on condition of anonymity, described
/// similar shortages. "We ran out ...," she said": "she" is the person just
/// described, not the named speaker of the paragraph before.
#[test]
fn a_pronoun_continues_an_anonymous_person_just_described() {
    let body = "Test article\n\nThe president of the Order, Dr. Rose Abena, told reporters that cases were rising.\n\n\
                A nurse at the hospital, who spoke on condition of anonymity, described similar shortages. \
                \"We ran out of fluids on Saturday,\" she said.\n";
    let rec = record("nurse.txt", body);
    let c = rec.claims.iter().find(|c| c.content.text.contains("ran out of fluids")).expect("the claim is found");
    let name = c.speaker.name.clone().unwrap_or_default();
    assert!(name.contains("nurse"), "{:?}", c.speaker);
}

/// '"...," declared to the press X, delegate of the union': the audience
/// between the cue and an inverted speaker is skipped, and the quotation is
/// the content.
#[test]
fn an_audience_before_an_inverted_speaker() {
    let body = "Test article\n\n\"We counted 2,300 strikers on the picket lines,\" declared to the press Mohamed \
                Benhal, delegate of the union in the factory, in front of the gate number 2.\n";
    let rec = record("press.txt", body);
    let c = rec.claims.iter().find(|c| c.cue.text == "declared").expect("the claim is found");
    assert!(c.content.text.contains("2,300 strikers"), "{:?}", c.content.text);
    assert!(speaker_entity(&rec, c).is_some_and(|e| e.name.contains("Benhal")));
}

/// "did not rule out" affirms a possibility; "failed to" said plainly
/// asserts the failure, while a denial that someone failed affirms the
/// deed; "It is a lie from beginning to end" denies.
#[test]
fn ruling_out_failing_and_calling_it_a_lie() {
    let body =
        "Test article\n\nThe minister, Greta Holm, said she did not rule out taking the case to the tribunal.\n\n\
                The union leader, Arne Lid, said the airline had failed to repair a fault that pilots reported.\n\n\
                The officer, Mira Dushi, denied that the police had failed to inform the mission.\n\n\
                \"It is a lie from beginning to end,\" the developer, Ron Pell, said.\n";
    let rec = record("negations.txt", body);
    let find = |w: &str| rec.claims.iter().find(|c| c.content.text.contains(w)).expect("the claim is found");
    assert_eq!(find("tribunal").stance.as_str(), "affirms");
    assert_eq!(find("repair a fault").stance.as_str(), "affirms");
    assert_eq!(find("inform the mission").stance.as_str(), "affirms");
    assert_eq!(find("a lie").stance.as_str(), "denies");
}

/// A speaker described first and named later: "The spokesman of the
/// police said ... The spokesman, Commissioner A, ..." (a definite
/// description, then an apposition a few sentences on), and a lead's "A
/// property developer suing a newspaper told the court ..." followed by
/// "B, 58, is ...".
#[test]
fn a_described_speaker_named_later() {
    let body = "Test article\n\nThe spokesman of the National Police in Vessa said about 8,500 people took part in the \
                march. The march passed without incident, he said.\n\n\
                \"Our officers held the line,\" the spokesman said. \"They used only the means the protocol allows.\"\n\n\
                The spokesman, Commissioner Tomas Vidal, who gave the figures at a briefing, acknowledged that \
                officers fired foam rounds.\n\n\
                A property developer suing a regional newspaper for libel told the High Court that he had never paid \
                a councillor.\n\n\
                Edwin Marsh, 58, is claiming £750,000 in damages from the newspaper.\n";
    let rec = record("named_later.txt", body);
    let name_of = |w: &str| {
        let c = rec.claims.iter().find(|c| c.content.text.contains(w)).expect("the claim is found");
        speaker_entity(&rec, c).map(|e| e.name.clone()).unwrap_or_default()
    };
    assert!(name_of("8,500 people").contains("Vidal"));
    assert!(name_of("without incident").contains("Vidal"));
    assert!(name_of("held the line").contains("Vidal"));
    assert!(name_of("paid").contains("Marsh"));
    // Claiming money is no claim.
    assert!(rec.claims.iter().all(|c| !c.content.text.contains("damages")), "{:?}", rec.claims);
}

/// A live blog's time stamp before "According to X, ..." is no content;
/// "the cacique" after "the cacique Ara Tupi" is that person.
#[test]
fn a_time_stamp_and_a_noun_written_before_a_name() {
    let body = "Test article\n\n20:22:15 - According to the lawyers of the platform, nine people were arrested.\n\n\
                The assembly was led by the cacique Ara Tupi, leader of the families of the land.\n\n\
                According to the cacique, the river has lost almost half of its water.\n";
    let rec = record("liveblog.txt", body);
    let arrested = rec.claims.iter().find(|c| c.cue.text == "According to").expect("the claim is found");
    assert!(arrested.content.text.contains("nine people were arrested"), "{:?}", arrested.content.text);
    let river = rec.claims.iter().find(|c| c.content.text.contains("river")).expect("the claim is found");
    assert!(speaker_entity(&rec, river).is_some_and(|e| e.name.contains("Ara Tupi")), "{:?}", river.speaker);
}

/// A dateline is not the subject; "the company" of a company named
/// otherwise, "the union" written beside a union's name and "the
/// goalkeeper" of "the goalkeeper of "Dynamo" Pavel Krenek" are
/// those speakers; "a man it describes as" has the pronoun for subject.
#[test]
fn datelines_companies_unions_and_described_players() {
    let body = "Test article\n\nOSLO, March 3 (NWA) - Norway on Tuesday said a hacking group was behind an \
                attack on the port.\n\n\
                Halvard Petrokjemi A.S. (HPK) confirms an explosion at its refinery. HPK said two workers \
                died. The company said it had invested 140 million dollars in safety.\n\n\
                Four workers died, according to the Ferrel union. The union announced that 17 workers were \
                wounded.\n\n\
                The hearing of the goalkeeper of \"Dynamo-Ostrava\" Pavel Krenek was held on Tuesday. \
                \"I never sold a match,\" the goalkeeper declared.\n";
    let rec = record("dateline.txt", body);
    let name_of = |w: &str| {
        let c = rec.claims.iter().find(|c| c.content.text.contains(w)).expect("the claim is found");
        speaker_entity(&rec, c).map(|e| e.name.clone()).unwrap_or_else(|| c.speaker.text.clone())
    };
    assert_eq!(name_of("hacking group"), "Norway");
    assert!(name_of("invested").contains("Halvard"), "{}", name_of("invested"));
    assert!(name_of("17 workers").contains("Ferrel"), "{}", name_of("17 workers"));
    assert!(name_of("sold a match").contains("Krenek"), "{}", name_of("sold a match"));
}

/// "X said that two of the dead were subcontractors and for this reason the
/// company did not count them": the negation of a second clause after a
/// fronted phrase is not the first clause's; "a base of the police and of
/// the army will be installed" is one clause.
#[test]
fn a_negated_second_clause_after_a_fronted_phrase() {
    let body = "Test article\n\nThe branch president, Selin Aras, said that two of the dead workers were \
                subcontractor workers and for this reason the company did not count them.\n\n\
                The ministry said that a permanent base of the Federal Police and of the National Force will be \
                installed in the region.\n";
    let rec = record("second_clause.txt", body);
    let find = |w: &str| rec.claims.iter().find(|c| c.content.text.contains(w)).expect("the claim is found");
    assert_eq!(find("subcontractor workers").stance.as_str(), "affirms");
    let base = find("permanent base");
    assert!(base.content.text.contains("National Force will be installed"), "{:?}", base.content.text);
}

/// "A military official who spoke on condition of anonymity gave a
/// different figure. According to him, ...": the pronoun is the person the
/// previous sentence describes, though a relative clause without commas
/// stands between the description and its verb; "does not doubt the
/// figures" accepts them, "did not refuse to accept" accepts, and "one
/// container, not two" affirms the one.
#[test]
fn an_anonymous_source_described_with_a_relative_clause() {
    let body = "Test article\n\nThe regional governor, Marta Keller, said on Monday that 14 people had died in the \
                floods.\n\n\
                A military official who spoke on condition of anonymity gave a different figure. According to \
                him, at least 30 bodies have been recovered from the river.\n\n\
                The farmers' chamber said it does not doubt the figures of the ministry.\n\n\
                The election board said that it did not refuse to accept any complaint.\n\n\
                The shipping agent said that only one container was booked, not two.\n";
    let rec = record("anonymous.txt", body);
    let bodies = rec.claims.iter().find(|c| c.content.text.contains("30 bodies")).expect("the claim is found");
    let name = speaker_entity(&rec, bodies).map(|e| e.name.clone()).unwrap_or_default();
    assert!(name.contains("military official"), "{name:?}");
    let doubt = rec.claims.iter().find(|c| c.content.text.contains("figures")).expect("the claim is found");
    assert_eq!(doubt.stance.as_str(), "affirms");
    let refuse = rec.claims.iter().find(|c| c.content.text.contains("complaint")).expect("the claim is found");
    assert_eq!(refuse.stance.as_str(), "affirms");
    let booked = rec.claims.iter().find(|c| c.content.text.contains("container")).expect("the claim is found");
    assert_eq!(booked.stance.as_str(), "affirms");
}

/// A press conference printed as "Q:" / "A:" lines with two officials:
/// a question that addresses one by title ("Commissioner, ...") and a
/// stage direction naming one ("[Inspector Roy takes the microphone]")
/// say whose the answers after them are.
#[test]
fn answers_belong_to_the_official_addressed() {
    let body = "Test article\n\nThe spokesman of the police, Inspector Lucien Roy, held a press conference on \
                Thursday. The divisional commissioner, Paul Merlot, also took part.\n\n\
                Q: Inspector, how many people died?\n\n\
                A: We have confirmed 12 dead. Nine people are wounded.\n\n\
                Q: Anna Vos, Radio Kessel. Commissioner, how many families left the area?\n\n\
                A: Around 3,500 people left their houses.\n\n\
                [Inspector Roy takes the microphone]\n\n\
                A: The police never abandoned the population.\n";
    let rec = record("presser.txt", body);
    let name_of = |w: &str| {
        let c = rec.claims.iter().find(|c| c.content.text.contains(w)).expect("the claim is found");
        speaker_entity(&rec, c).map(|e| e.name.clone()).unwrap_or_default()
    };
    assert!(name_of("Nine people").contains("Roy"), "{}", name_of("Nine people"));
    assert!(name_of("3,500").contains("Merlot"), "{}", name_of("3,500"));
    assert!(name_of("abandoned").contains("Roy"), "{}", name_of("abandoned"));
}

/// A question that speaks about a third person by name ("Karl Dorn, the
/// opposition leader, says ...") does not address them, and a bracketed
/// note about someone who did not answer ("[Governor X did not respond
/// ...]") is no stage direction: the answers after both stay the
/// interviewee's.
#[test]
fn answers_stay_the_interviewees_after_a_named_third_person() {
    let body = "Test article\n\nThe opposition leader, Karl Dorn, criticised the dam project last week. On \
                Tuesday the Minister of Water, Helena Varga, answered our questions.\n\n\
                Q: When will the dam be finished?\n\n\
                A: We expect to finish the dam next year. The funding is secured.\n\n\
                Q: Karl Dorn, the opposition leader, says the dam is too expensive, is he right?\n\n\
                A: The dam costs less than the old plan did.\n\n\
                [Governor Michael Brown did not respond to our request.]\n\n\
                Q: What about the villages?\n\n\
                A: Every family will receive compensation before the water rises.\n";
    let rec = record("third_person.txt", body);
    let name_of = |w: &str| {
        let c = rec.claims.iter().find(|c| c.content.text.contains(w)).expect("the claim is found");
        speaker_entity(&rec, c).map(|e| e.name.clone()).unwrap_or_default()
    };
    assert!(name_of("old plan").contains("Varga"), "{}", name_of("old plan"));
    assert!(name_of("compensation").contains("Varga"), "{}", name_of("compensation"));
}

/// Initials that two people of the article share ("M.K." for Maria Kovac
/// and Mark Kessler) are no interviewer's questions: they are the person
/// the question before them addressed.
#[test]
fn shared_initials_are_the_addressed_persons() {
    let body = "Interview with the port chief\n\n\
                We spoke with Maria Kovac, head of the port authority, and with Mark Kessler, the union leader.\n\n\
                J.A.: Mrs. Kovac, the union says 300 jobs will go. Is that true?\n\n\
                M.K.: No, that is not correct. The port will keep every job this year.\n\n\
                J.A.: Do you agree with the union on wages?\n\n\
                M.K.: The port is not for sale and never was.\n";
    let rec = record("shared_initials.txt", body);
    let by_her: Vec<(&str, &str)> = rec
        .claims
        .iter()
        .filter(|c| c.speaker.text.contains("Kovac"))
        .map(|c| (c.content.text.as_str(), c.stance.as_str()))
        .collect();
    let has = |words: &str, stance: &str| by_her.iter().any(|(t, s)| t.contains(words) && *s == stance);
    assert!(has("keep every job this year", "affirms"), "{by_her:?}");
    assert!(has("not for sale", "denies"), "{by_her:?}");
    assert!(rec.claims.iter().all(|c| !c.speaker.text.contains("Kessler")), "{:?}", rec.claims);
}

/// A document whose very first words are the subject of a reporting verb
/// ("Officials say ..." as the headline): the subject search looks at the
/// word before the subject only when there is one (an overflow in debug
/// builds otherwise).
#[test]
fn a_subject_that_opens_the_document() {
    let rec =
        record("first.txt", "Officials say the dam is safe\n\nEngineers said on Monday that the wall had cracked.\n");
    assert!(rec.claims.iter().any(|c| c.content.text.contains("wall had cracked")), "{:?}", rec.claims);
}

/// "he"/"she" is never a body: when the previous sentence opens on an
/// organisation (typed a person by the recogniser, "The Water Inspection
/// Body") and its spokesperson is named later in it, "She said" is the
/// spokesperson's.
#[test]
fn a_pronoun_is_not_the_body_opening_the_previous_sentence() {
    let body = "Test article\n\nThe Water Inspection Body reported in October that the plant had exceeded the norm 14 \
                times, the agency's spokesperson Mariam Petrosyan confirmed to the newspaper. She said the agency has \
                not measured lead in the air since the spring.\n";
    let rec = record("body.txt", body);
    let lead = rec.claims.iter().find(|c| c.content.text.contains("measured lead")).expect("the claim is found");
    let entity = speaker_entity(&rec, lead);
    assert!(entity.is_some_and(|e| e.name.contains("Petrosyan")), "{:?} -> {entity:?}", lead.speaker);
}

/// "Professor NAME of X University Law School": a professor's name with
/// the body after "of" (no "the") is the person of that body, not one
/// organisation, so "According to him" in the next sentence is the
/// professor's and not the lawyer's of the previous paragraph.
#[test]
fn a_professor_of_a_school_is_a_person() {
    let body = "Test article\n\nLawyer Kang Min-su defended the client. \"It was legal,\" Kang said.\n\n\
                Experts see the case as test. \"It is the first case in Korea,\" said Professor Bae Jun-ho of Korea \
                University Law School. According to him, the ruling will influence about 30 similar investigations.\n";
    let rec = record("professor.txt", body);
    let ruling =
        rec.claims.iter().find(|c| c.content.text.contains("similar investigations")).expect("the claim is found");
    let entity = speaker_entity(&rec, ruling);
    assert!(entity.is_some_and(|e| e.name.contains("Bae")), "{:?} -> {entity:?}", ruling.speaker);
}

/// A hearing record whose labels give a role in lower case before the
/// bracketed name ("Member of the board (Lina Saar):"): each turn is the
/// bracketed person's, not the previous speaker's.
#[test]
fn a_lower_case_role_before_a_bracketed_name_opens_a_turn() {
    let body = "Minutes of the board\n\n\
                Chairman (Peeter Kuusk): I open the session. The board has checked the accounts of the two depots.\n\n\
                Member of the board (Lina Saar): I want to add that the board found 31 invoices without a stamp. \
                These were sent back to the supplier.\n";
    let rec = record("minutes.txt", body);
    let sent_back = rec.claims.iter().find(|c| c.content.text.contains("sent back")).expect("the claim is found");
    assert!(sent_back.speaker.text.contains("Lina Saar"), "{:?}", sent_back.speaker);
}

/// Two people share a surname: "The treasurer Varga" is the one the text
/// described as the treasurer, not the namesake named last before it.
#[test]
fn a_shared_surname_after_a_role_noun_is_the_one_with_that_role() {
    let body = "Test article\n\nThe treasurer of the club, Istvan Varga, presented the accounts on Monday. \
                The coach of the team, Laszlo Varga, criticised the budget.\n\n\
                The treasurer Varga said that the club spent 4 million on the new stadium.\n";
    let rec = record("surname.txt", body);
    let claim = rec.claims.iter().find(|c| c.content.text.contains("new stadium")).expect("the claim is found");
    let entity = speaker_entity(&rec, claim);
    assert!(entity.is_some_and(|e| e.name.contains("Istvan")), "{:?} -> {entity:?}", claim.speaker);
}

/// An interview's speaker label keeps its person when the interviewer names
/// a namesake in between.
#[test]
fn a_transcript_label_keeps_its_person_past_a_namesake() {
    let body = "Test article\n\nWe met the director of the museum, Anna Kovacs, in her office.\n\n\
                Reporter: How many visitors came this year?\n\n\
                Kovacs: About 80,000 people came, which is a record.\n\n\
                Reporter: The mayor, Peter Kovacs, said the museum will close. Is it true?\n\n\
                Kovacs: The museum will stay open until the end of the next year.\n";
    let rec = record("label.txt", body);
    let claim = rec.claims.iter().find(|c| c.content.text.contains("stay open")).expect("the claim is found");
    let entity = speaker_entity(&rec, claim);
    assert!(entity.is_some_and(|e| e.name.contains("Anna")), "{:?} -> {entity:?}", claim.speaker);
}

/// "The agency replied with a short statement. "...," the statement said":
/// the statement is the word of the body the text said issued it, not of
/// the last organisation that spoke.
#[test]
fn a_document_is_the_word_of_whoever_issued_it() {
    let body = "Test article\n\nThe Farmers Union of Drava said that the river flooded 300 fields. \
                \"The water came in one hour,\" said Marko Horvat, the leader of the union.\n\n\
                The National Water Agency replied with a short statement in the afternoon. \
                \"The flow did not exceed 900 cubic metres per second,\" the statement said.\n";
    let rec = record("statement.txt", body);
    let claim = rec.claims.iter().find(|c| c.content.text.contains("did not exceed")).expect("the claim is found");
    let entity = speaker_entity(&rec, claim);
    assert!(entity.is_some_and(|e| e.name.contains("Water Agency")), "{:?} -> {entity:?}", claim.speaker);
}
