/*
 * Olark JavaScript API -- reference widget (conformance harness).
 *
 * Loaded by the unmodified async embed snippet. Replaces the snippet's stub
 * `window.olark` with the live API, replays the stub's queue and renders the
 * chat box. The only global created/replaced is `window.olark`.
 * See README.md for the boot model and behaviour decisions.
 */
(function () {
  'use strict';

  // Must be read synchronously while this script is evaluating.
  var currentScript = document.currentScript;
  // data-mount on this script (set by variants/*/mount.js): where the widget renders; see
  // "mount" below.
  var mountAttr;
  try {
    mountAttr = currentScript && currentScript.dataset ? currentScript.dataset.mount : undefined;
  } catch (e) {
    mountAttr = undefined;
  }

  var LIVE_MARK = Symbol.for('olark-ref.live');
  var PREFIX = 'olark: ';
  var PANEL_ID = 'olark-ref-panel';
  var MAX_ENTRY_LENGTH = 100;
  var CSS_TIMEOUT_MS = 10000;
  var COOKIE_NAME = 'hblid';                     // visitor id cookie (the name Olark uses)
  var COOKIE_MAX_AGE_S = 2 * 365 * 24 * 60 * 60; // about two years
  var VISITOR_ID_RE = /^[A-Za-z0-9_-]{8,64}$/;
  var MAX_TEXT_LENGTH = 4000;                    // backend limit for text fields
  var DEFAULT_NICKNAME = 'Operator';

  // ---------------------------------------------------------------- strings

  var DEFAULT_LOCALE = 'en-US';
  // Every locale.* string of the documentation for each supported locale, plus a few
  // strings of the reference widget's own (accessible names, labels, unread count).
  // en-US is the documentation's example text, verbatim. feedback_survey_question_{1..5}_text
  // are filled in from `question` ({n} = 1..5), unread_{plural category} from Intl.PluralRules.
  var STRINGS = {
    'en-US': {
      welcome_title: 'Chat with us',
      chatting_title: 'Chat with us',
      welcome_message: "Have a question? We'd love to help.",
      chat_input_text: 'Type a message...',
      ended_chat_message: 'Have a question? This conversation has ended. You can start a new chat by sending another message if you like. Thanks for stopping by to chat with us. Come back again anytime.',
      unavailable_title: 'Need help?',
      away_message: "We're not around but please leave us a message",
      name_input_text: 'Click here and type your name',
      email_input_text: 'Click here and type your email',
      phone_input_text: 'Click here and type your phone number',
      offline_note_message: 'Have a question about Olark live chat or a Support Query? To speed up the process please give us as much info about your issue as you can. ',
      send_button_text: 'Send',
      offline_note_thankyou_text: 'Thank you for your message.  We will get back to you as soon as we can.',
      offline_note_error_text: 'You must complete all fields and specify a valid email address',
      introduction_error_text: 'Please leave a name and email address so we can contact you in case we get disconnected',
      introduction_messages: 'Welcome, just fill out some brief information and click Start Chat to talk to us',
      introduction_submit_button_text: 'Start chat',
      feedback_survey_question_chat_text: 'How satisfied were you with this chat?',
      feedback_survey_question_operator_intelligence_text: 'How knowledgeable was the chat agent?',
      feedback_survey_question_operator_speed_text: 'How responsive was the chat agent?',
      feedback_survey_question_operator_attitude_text: 'How friendly was the chat agent?',
      question: 'Question {n} of 5',
      feedback_survey_question_chat_low: 'Not at all satisfied',
      feedback_survey_question_chat_high: 'Extremely satisfied',
      feedback_survey_question_operator_intelligence_low: 'Not at all knowledgeable',
      feedback_survey_question_operator_intelligence_high: 'Extremely knowledgeable',
      feedback_survey_question_operator_speed_low: 'Not at all responsive',
      feedback_survey_question_operator_speed_high: 'Extremely responsive',
      feedback_survey_question_operator_attitude_low: 'Not at all friendly',
      feedback_survey_question_operator_attitude_high: 'Extremely friendly',
      feedback_survey_question_additional_feedback_text: 'Additional feedback.',
      feedback_survey_button_next: 'Next',
      feedback_survey_button_submitting: 'Submitting',
      feedback_survey_button_finish: 'Finish',
      feedback_survey_end_message: 'Thank you for your feedback',
      feedback_survey_submission_error_message: 'There was an error submitting your answer, please try again.',
      feedback_survey_begin_button_text: 'Rate chat',
      feedback_survey_complete_button_text: 'Done',
      feedback_survey_cancel_text: 'Cancel',
      restart_chat_online_button_text: 'Start Chatting',
      restart_chat_offline_button_text: 'Email',
      send_transcript_title_text: 'Send transcript',
      send_transcript_begin_button_text: 'Send transcript',
      send_transcript_complete_button_text: 'Transcript sent!',
      send_transcript_error_text: 'There was an error sending this transcript',
      send_transcript_cancel_text: 'Cancel',
      send_transcript_placeholder: 'Click here and enter your email',
      // The widget's own strings.
      minimize_label: 'Minimize chat',
      input_label: 'Message',
      messages_label: 'Chat messages',
      offline_form_label: 'Leave a message',
      prechat_form_label: 'Before you chat',
      name_label: 'Name',
      email_label: 'Email',
      phone_label: 'Phone',
      offline_message_text: 'Message',
      unread_one: '{count} unread message',
      unread_other: '{count} unread messages'
    },
    'de-DE': {
      welcome_title: 'Chatten Sie mit uns',
      chatting_title: 'Chatten Sie mit uns',
      welcome_message: 'Haben Sie eine Frage? Wir helfen Ihnen gerne.',
      chat_input_text: 'Nachricht eingeben...',
      ended_chat_message: 'Haben Sie eine Frage? Diese Unterhaltung wurde beendet. Wenn Sie möchten, können Sie mit einer weiteren Nachricht einen neuen Chat beginnen. Danke, dass Sie mit uns gechattet haben. Besuchen Sie uns jederzeit wieder.',
      unavailable_title: 'Brauchen Sie Hilfe?',
      away_message: 'Wir sind gerade nicht da, aber hinterlassen Sie uns gerne eine Nachricht',
      name_input_text: 'Hier klicken und Ihren Namen eingeben',
      email_input_text: 'Hier klicken und Ihre E-Mail-Adresse eingeben',
      phone_input_text: 'Hier klicken und Ihre Telefonnummer eingeben',
      offline_note_message: 'Haben Sie eine Frage oder ein Anliegen an unseren Support? Damit es schneller geht, beschreiben Sie Ihr Anliegen bitte so genau wie möglich.',
      send_button_text: 'Senden',
      offline_note_thankyou_text: 'Vielen Dank für Ihre Nachricht. Wir melden uns so bald wie möglich bei Ihnen.',
      offline_note_error_text: 'Bitte füllen Sie alle Felder aus und geben Sie eine gültige E-Mail-Adresse an',
      introduction_error_text: 'Bitte hinterlassen Sie Ihren Namen und Ihre E-Mail-Adresse, damit wir Sie erreichen können, falls die Verbindung abbricht',
      introduction_messages: 'Willkommen! Geben Sie einfach ein paar kurze Informationen an und klicken Sie auf „Chat starten“, um mit uns zu sprechen',
      introduction_submit_button_text: 'Chat starten',
      feedback_survey_question_chat_text: 'Wie zufrieden waren Sie mit diesem Chat?',
      feedback_survey_question_operator_intelligence_text: 'Wie kompetent war der Chat-Mitarbeiter?',
      feedback_survey_question_operator_speed_text: 'Wie schnell hat der Chat-Mitarbeiter reagiert?',
      feedback_survey_question_operator_attitude_text: 'Wie freundlich war der Chat-Mitarbeiter?',
      question: 'Frage {n} von 5',
      feedback_survey_question_chat_low: 'Überhaupt nicht zufrieden',
      feedback_survey_question_chat_high: 'Äußerst zufrieden',
      feedback_survey_question_operator_intelligence_low: 'Überhaupt nicht kompetent',
      feedback_survey_question_operator_intelligence_high: 'Äußerst kompetent',
      feedback_survey_question_operator_speed_low: 'Überhaupt nicht schnell',
      feedback_survey_question_operator_speed_high: 'Äußerst schnell',
      feedback_survey_question_operator_attitude_low: 'Überhaupt nicht freundlich',
      feedback_survey_question_operator_attitude_high: 'Äußerst freundlich',
      feedback_survey_question_additional_feedback_text: 'Weiteres Feedback.',
      feedback_survey_button_next: 'Weiter',
      feedback_survey_button_submitting: 'Wird gesendet',
      feedback_survey_button_finish: 'Abschließen',
      feedback_survey_end_message: 'Vielen Dank für Ihr Feedback',
      feedback_survey_submission_error_message: 'Beim Senden Ihrer Antwort ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.',
      feedback_survey_begin_button_text: 'Chat bewerten',
      feedback_survey_complete_button_text: 'Fertig',
      feedback_survey_cancel_text: 'Abbrechen',
      restart_chat_online_button_text: 'Chat beginnen',
      restart_chat_offline_button_text: 'E-Mail',
      send_transcript_title_text: 'Verlauf senden',
      send_transcript_begin_button_text: 'Verlauf senden',
      send_transcript_complete_button_text: 'Verlauf gesendet!',
      send_transcript_error_text: 'Beim Senden dieses Verlaufs ist ein Fehler aufgetreten',
      send_transcript_cancel_text: 'Abbrechen',
      send_transcript_placeholder: 'Hier klicken und Ihre E-Mail-Adresse eingeben',
      minimize_label: 'Chat minimieren',
      input_label: 'Nachricht',
      messages_label: 'Chatnachrichten',
      offline_form_label: 'Nachricht hinterlassen',
      prechat_form_label: 'Vor dem Chat',
      name_label: 'Name',
      email_label: 'E-Mail',
      phone_label: 'Telefon',
      offline_message_text: 'Nachricht',
      unread_one: '{count} ungelesene Nachricht',
      unread_other: '{count} ungelesene Nachrichten'
    },
    'es-ES': {
      welcome_title: 'Chatea con nosotros',
      chatting_title: 'Chatea con nosotros',
      welcome_message: '¿Tienes alguna pregunta? Estaremos encantados de ayudarte.',
      chat_input_text: 'Escribe un mensaje...',
      ended_chat_message: '¿Tienes alguna pregunta? Esta conversación ha terminado. Si quieres, puedes iniciar un nuevo chat enviando otro mensaje. Gracias por chatear con nosotros. Vuelve cuando quieras.',
      unavailable_title: '¿Necesitas ayuda?',
      away_message: 'Ahora mismo no estamos disponibles, pero puedes dejarnos un mensaje',
      name_input_text: 'Haz clic aquí y escribe tu nombre',
      email_input_text: 'Haz clic aquí y escribe tu correo electrónico',
      phone_input_text: 'Haz clic aquí y escribe tu número de teléfono',
      offline_note_message: '¿Tienes alguna pregunta o consulta para nuestro equipo de soporte? Para agilizar el proceso, danos toda la información que puedas sobre tu problema.',
      send_button_text: 'Enviar',
      offline_note_thankyou_text: 'Gracias por tu mensaje. Te responderemos lo antes posible.',
      offline_note_error_text: 'Debes completar todos los campos e indicar una dirección de correo electrónico válida',
      introduction_error_text: 'Déjanos tu nombre y tu correo electrónico para que podamos contactarte si se corta la conexión',
      introduction_messages: 'Te damos la bienvenida. Rellena unos pocos datos y haz clic en Iniciar chat para hablar con nosotros',
      introduction_submit_button_text: 'Iniciar chat',
      feedback_survey_question_chat_text: '¿Cómo de satisfecho estás con este chat?',
      feedback_survey_question_operator_intelligence_text: '¿Qué conocimientos demostró el agente?',
      feedback_survey_question_operator_speed_text: '¿Con qué rapidez respondió el agente?',
      feedback_survey_question_operator_attitude_text: '¿Cómo de amable fue el agente?',
      question: 'Pregunta {n} de 5',
      feedback_survey_question_chat_low: 'Nada satisfecho',
      feedback_survey_question_chat_high: 'Muy satisfecho',
      feedback_survey_question_operator_intelligence_low: 'Ningún conocimiento',
      feedback_survey_question_operator_intelligence_high: 'Muchos conocimientos',
      feedback_survey_question_operator_speed_low: 'Nada rápido',
      feedback_survey_question_operator_speed_high: 'Muy rápido',
      feedback_survey_question_operator_attitude_low: 'Nada amable',
      feedback_survey_question_operator_attitude_high: 'Muy amable',
      feedback_survey_question_additional_feedback_text: 'Comentarios adicionales.',
      feedback_survey_button_next: 'Siguiente',
      feedback_survey_button_submitting: 'Enviando',
      feedback_survey_button_finish: 'Finalizar',
      feedback_survey_end_message: 'Gracias por tus comentarios',
      feedback_survey_submission_error_message: 'Se ha producido un error al enviar tu respuesta. Inténtalo de nuevo.',
      feedback_survey_begin_button_text: 'Valorar chat',
      feedback_survey_complete_button_text: 'Listo',
      feedback_survey_cancel_text: 'Cancelar',
      restart_chat_online_button_text: 'Empezar a chatear',
      restart_chat_offline_button_text: 'Correo electrónico',
      send_transcript_title_text: 'Enviar transcripción',
      send_transcript_begin_button_text: 'Enviar transcripción',
      send_transcript_complete_button_text: '¡Transcripción enviada!',
      send_transcript_error_text: 'Se ha producido un error al enviar esta transcripción',
      send_transcript_cancel_text: 'Cancelar',
      send_transcript_placeholder: 'Haz clic aquí e introduce tu correo electrónico',
      minimize_label: 'Minimizar chat',
      input_label: 'Mensaje',
      messages_label: 'Mensajes del chat',
      offline_form_label: 'Deja un mensaje',
      prechat_form_label: 'Antes de chatear',
      name_label: 'Nombre',
      email_label: 'Correo electrónico',
      phone_label: 'Teléfono',
      offline_message_text: 'Mensaje',
      unread_one: '{count} mensaje sin leer',
      unread_other: '{count} mensajes sin leer'
    },
    'fr-FR': {
      welcome_title: 'Discutez avec nous',
      chatting_title: 'Discutez avec nous',
      welcome_message: 'Une question ? Nous serons ravis de vous aider.',
      chat_input_text: 'Saisissez un message...',
      ended_chat_message: 'Une question ? Cette conversation est terminée. Si vous le souhaitez, vous pouvez démarrer une nouvelle discussion en envoyant un autre message. Merci d\u2019être venu discuter avec nous. Revenez quand vous voulez.',
      unavailable_title: 'Besoin d\u2019aide ?',
      away_message: 'Nous ne sommes pas disponibles pour le moment, mais laissez-nous un message',
      name_input_text: 'Cliquez ici et saisissez votre nom',
      email_input_text: 'Cliquez ici et saisissez votre adresse e-mail',
      phone_input_text: 'Cliquez ici et saisissez votre numéro de téléphone',
      offline_note_message: 'Une question ou une demande d\u2019assistance ? Pour accélérer le traitement, donnez-nous le plus d\u2019informations possible sur votre problème.',
      send_button_text: 'Envoyer',
      offline_note_thankyou_text: 'Merci pour votre message. Nous vous répondrons dès que possible.',
      offline_note_error_text: 'Veuillez remplir tous les champs et indiquer une adresse e-mail valide',
      introduction_error_text: 'Veuillez indiquer votre nom et votre adresse e-mail afin que nous puissions vous recontacter en cas de déconnexion',
      introduction_messages: 'Bienvenue ! Renseignez simplement quelques informations et cliquez sur Démarrer le chat pour discuter avec nous',
      introduction_submit_button_text: 'Démarrer le chat',
      feedback_survey_question_chat_text: 'Dans quelle mesure êtes-vous satisfait de cette discussion ?',
      feedback_survey_question_operator_intelligence_text: 'Dans quelle mesure l\u2019agent était-il compétent ?',
      feedback_survey_question_operator_speed_text: 'Dans quelle mesure l\u2019agent était-il réactif ?',
      feedback_survey_question_operator_attitude_text: 'Dans quelle mesure l\u2019agent était-il aimable ?',
      question: 'Question {n} sur 5',
      feedback_survey_question_chat_low: 'Pas du tout satisfait',
      feedback_survey_question_chat_high: 'Extrêmement satisfait',
      feedback_survey_question_operator_intelligence_low: 'Pas du tout compétent',
      feedback_survey_question_operator_intelligence_high: 'Extrêmement compétent',
      feedback_survey_question_operator_speed_low: 'Pas du tout réactif',
      feedback_survey_question_operator_speed_high: 'Extrêmement réactif',
      feedback_survey_question_operator_attitude_low: 'Pas du tout aimable',
      feedback_survey_question_operator_attitude_high: 'Extrêmement aimable',
      feedback_survey_question_additional_feedback_text: 'Commentaires supplémentaires.',
      feedback_survey_button_next: 'Suivant',
      feedback_survey_button_submitting: 'Envoi en cours',
      feedback_survey_button_finish: 'Terminer',
      feedback_survey_end_message: 'Merci pour vos commentaires',
      feedback_survey_submission_error_message: 'Une erreur s\u2019est produite lors de l\u2019envoi de votre réponse, veuillez réessayer.',
      feedback_survey_begin_button_text: 'Évaluer le chat',
      feedback_survey_complete_button_text: 'Terminé',
      feedback_survey_cancel_text: 'Annuler',
      restart_chat_online_button_text: 'Commencer à discuter',
      restart_chat_offline_button_text: 'E-mail',
      send_transcript_title_text: 'Envoyer la transcription',
      send_transcript_begin_button_text: 'Envoyer la transcription',
      send_transcript_complete_button_text: 'Transcription envoyée !',
      send_transcript_error_text: 'Une erreur s\u2019est produite lors de l\u2019envoi de cette transcription',
      send_transcript_cancel_text: 'Annuler',
      send_transcript_placeholder: 'Cliquez ici et saisissez votre adresse e-mail',
      minimize_label: 'Réduire le chat',
      input_label: 'Message',
      messages_label: 'Messages du chat',
      offline_form_label: 'Laisser un message',
      prechat_form_label: 'Avant la discussion',
      name_label: 'Nom',
      email_label: 'E-mail',
      phone_label: 'Téléphone',
      offline_message_text: 'Message',
      unread_one: '{count} message non lu',
      unread_other: '{count} messages non lus'
    },
    'it-IT': {
      welcome_title: 'Chatta con noi',
      chatting_title: 'Chatta con noi',
      welcome_message: 'Hai una domanda? Saremo felici di aiutarti.',
      chat_input_text: 'Scrivi un messaggio...',
      ended_chat_message: 'Hai una domanda? Questa conversazione è terminata. Se vuoi, puoi avviare una nuova chat inviando un altro messaggio. Grazie per aver chattato con noi. Torna a trovarci quando vuoi.',
      unavailable_title: 'Serve aiuto?',
      away_message: 'Al momento non siamo disponibili, ma puoi lasciarci un messaggio',
      name_input_text: 'Fai clic qui e scrivi il tuo nome',
      email_input_text: 'Fai clic qui e scrivi il tuo indirizzo email',
      phone_input_text: 'Fai clic qui e scrivi il tuo numero di telefono',
      offline_note_message: 'Hai una domanda o una richiesta di assistenza? Per velocizzare la procedura, forniscici quante più informazioni possibili sul tuo problema.',
      send_button_text: 'Invia',
      offline_note_thankyou_text: 'Grazie per il tuo messaggio. Ti risponderemo il prima possibile.',
      offline_note_error_text: 'Compila tutti i campi e inserisci un indirizzo email valido',
      introduction_error_text: 'Lasciaci il tuo nome e il tuo indirizzo email, così potremo contattarti in caso di disconnessione',
      introduction_messages: 'Benvenuto! Inserisci qualche breve informazione e fai clic su Avvia chat per parlare con noi',
      introduction_submit_button_text: 'Avvia chat',
      feedback_survey_question_chat_text: 'Quanto sei soddisfatto di questa chat?',
      feedback_survey_question_operator_intelligence_text: 'Quanto era competente l\u2019operatore?',
      feedback_survey_question_operator_speed_text: 'Quanto è stato rapido l\u2019operatore?',
      feedback_survey_question_operator_attitude_text: 'Quanto è stato cordiale l\u2019operatore?',
      question: 'Domanda {n} di 5',
      feedback_survey_question_chat_low: 'Per niente soddisfatto',
      feedback_survey_question_chat_high: 'Estremamente soddisfatto',
      feedback_survey_question_operator_intelligence_low: 'Per niente competente',
      feedback_survey_question_operator_intelligence_high: 'Estremamente competente',
      feedback_survey_question_operator_speed_low: 'Per niente rapido',
      feedback_survey_question_operator_speed_high: 'Estremamente rapido',
      feedback_survey_question_operator_attitude_low: 'Per niente cordiale',
      feedback_survey_question_operator_attitude_high: 'Estremamente cordiale',
      feedback_survey_question_additional_feedback_text: 'Commenti aggiuntivi.',
      feedback_survey_button_next: 'Avanti',
      feedback_survey_button_submitting: 'Invio in corso',
      feedback_survey_button_finish: 'Fine',
      feedback_survey_end_message: 'Grazie per il tuo feedback',
      feedback_survey_submission_error_message: 'Si è verificato un errore durante l\u2019invio della risposta, riprova.',
      feedback_survey_begin_button_text: 'Valuta la chat',
      feedback_survey_complete_button_text: 'Fatto',
      feedback_survey_cancel_text: 'Annulla',
      restart_chat_online_button_text: 'Inizia a chattare',
      restart_chat_offline_button_text: 'Email',
      send_transcript_title_text: 'Invia trascrizione',
      send_transcript_begin_button_text: 'Invia trascrizione',
      send_transcript_complete_button_text: 'Trascrizione inviata!',
      send_transcript_error_text: 'Si è verificato un errore durante l\u2019invio della trascrizione',
      send_transcript_cancel_text: 'Annulla',
      send_transcript_placeholder: 'Fai clic qui e inserisci il tuo indirizzo email',
      minimize_label: 'Riduci la chat',
      input_label: 'Messaggio',
      messages_label: 'Messaggi della chat',
      offline_form_label: 'Lascia un messaggio',
      prechat_form_label: 'Prima della chat',
      name_label: 'Nome',
      email_label: 'Email',
      phone_label: 'Telefono',
      offline_message_text: 'Messaggio',
      unread_one: '{count} messaggio non letto',
      unread_other: '{count} messaggi non letti'
    },
    'nl-NL': {
      welcome_title: 'Chat met ons',
      chatting_title: 'Chat met ons',
      welcome_message: 'Heeft u een vraag? We helpen u graag.',
      chat_input_text: 'Typ een bericht...',
      ended_chat_message: 'Heeft u een vraag? Dit gesprek is beëindigd. Als u wilt, kunt u een nieuwe chat beginnen door nog een bericht te sturen. Bedankt voor het chatten met ons. Kom gerust nog eens terug.',
      unavailable_title: 'Hulp nodig?',
      away_message: 'We zijn er nu niet, maar laat gerust een bericht achter',
      name_input_text: 'Klik hier en typ uw naam',
      email_input_text: 'Klik hier en typ uw e-mailadres',
      phone_input_text: 'Klik hier en typ uw telefoonnummer',
      offline_note_message: 'Heeft u een vraag of een supportverzoek? Geef ons zoveel mogelijk informatie over uw probleem, dan kunnen we u sneller helpen.',
      send_button_text: 'Verzenden',
      offline_note_thankyou_text: 'Bedankt voor uw bericht. We nemen zo snel mogelijk contact met u op.',
      offline_note_error_text: 'Vul alle velden in en geef een geldig e-mailadres op',
      introduction_error_text: 'Laat uw naam en e-mailadres achter, zodat we contact met u kunnen opnemen als de verbinding wordt verbroken',
      introduction_messages: 'Welkom! Vul een paar korte gegevens in en klik op Chat starten om met ons te praten',
      introduction_submit_button_text: 'Chat starten',
      feedback_survey_question_chat_text: 'Hoe tevreden bent u over deze chat?',
      feedback_survey_question_operator_intelligence_text: 'Hoe deskundig was de medewerker?',
      feedback_survey_question_operator_speed_text: 'Hoe snel reageerde de medewerker?',
      feedback_survey_question_operator_attitude_text: 'Hoe vriendelijk was de medewerker?',
      question: 'Vraag {n} van 5',
      feedback_survey_question_chat_low: 'Helemaal niet tevreden',
      feedback_survey_question_chat_high: 'Zeer tevreden',
      feedback_survey_question_operator_intelligence_low: 'Helemaal niet deskundig',
      feedback_survey_question_operator_intelligence_high: 'Zeer deskundig',
      feedback_survey_question_operator_speed_low: 'Helemaal niet snel',
      feedback_survey_question_operator_speed_high: 'Zeer snel',
      feedback_survey_question_operator_attitude_low: 'Helemaal niet vriendelijk',
      feedback_survey_question_operator_attitude_high: 'Zeer vriendelijk',
      feedback_survey_question_additional_feedback_text: 'Aanvullende feedback.',
      feedback_survey_button_next: 'Volgende',
      feedback_survey_button_submitting: 'Bezig met verzenden',
      feedback_survey_button_finish: 'Voltooien',
      feedback_survey_end_message: 'Bedankt voor uw feedback',
      feedback_survey_submission_error_message: 'Er is een fout opgetreden bij het verzenden van uw antwoord. Probeer het opnieuw.',
      feedback_survey_begin_button_text: 'Chat beoordelen',
      feedback_survey_complete_button_text: 'Klaar',
      feedback_survey_cancel_text: 'Annuleren',
      restart_chat_online_button_text: 'Begin met chatten',
      restart_chat_offline_button_text: 'E-mail',
      send_transcript_title_text: 'Transcript versturen',
      send_transcript_begin_button_text: 'Transcript versturen',
      send_transcript_complete_button_text: 'Transcript verstuurd!',
      send_transcript_error_text: 'Er is een fout opgetreden bij het versturen van dit transcript',
      send_transcript_cancel_text: 'Annuleren',
      send_transcript_placeholder: 'Klik hier en vul uw e-mailadres in',
      minimize_label: 'Chat minimaliseren',
      input_label: 'Bericht',
      messages_label: 'Chatberichten',
      offline_form_label: 'Laat een bericht achter',
      prechat_form_label: 'Voor de chat',
      name_label: 'Naam',
      email_label: 'E-mail',
      phone_label: 'Telefoon',
      offline_message_text: 'Bericht',
      unread_one: '{count} ongelezen bericht',
      unread_other: '{count} ongelezen berichten'
    },
    'pt-BR': {
      welcome_title: 'Converse conosco',
      chatting_title: 'Converse conosco',
      welcome_message: 'Tem alguma dúvida? Teremos prazer em ajudar.',
      chat_input_text: 'Digite uma mensagem...',
      ended_chat_message: 'Tem alguma dúvida? Esta conversa foi encerrada. Se quiser, você pode iniciar um novo chat enviando outra mensagem. Obrigado por conversar com a gente. Volte sempre que quiser.',
      unavailable_title: 'Precisa de ajuda?',
      away_message: 'No momento não estamos disponíveis, mas deixe uma mensagem para nós',
      name_input_text: 'Clique aqui e digite seu nome',
      email_input_text: 'Clique aqui e digite seu e-mail',
      phone_input_text: 'Clique aqui e digite seu número de telefone',
      offline_note_message: 'Tem alguma dúvida ou solicitação de suporte? Para agilizar o atendimento, dê o máximo de informações possível sobre o seu problema.',
      send_button_text: 'Enviar',
      offline_note_thankyou_text: 'Obrigado pela sua mensagem. Responderemos o mais rápido possível.',
      offline_note_error_text: 'Você deve preencher todos os campos e informar um endereço de e-mail válido',
      introduction_error_text: 'Deixe seu nome e e-mail para que possamos entrar em contato caso a conexão caia',
      introduction_messages: 'Boas-vindas! Preencha algumas informações rápidas e clique em Iniciar chat para falar com a gente',
      introduction_submit_button_text: 'Iniciar chat',
      feedback_survey_question_chat_text: 'Qual é o seu nível de satisfação com este chat?',
      feedback_survey_question_operator_intelligence_text: 'Qual era o nível de conhecimento do atendente?',
      feedback_survey_question_operator_speed_text: 'Com que rapidez o atendente respondeu?',
      feedback_survey_question_operator_attitude_text: 'Quão cordial foi o atendente?',
      question: 'Pergunta {n} de 5',
      feedback_survey_question_chat_low: 'Nada satisfeito',
      feedback_survey_question_chat_high: 'Extremamente satisfeito',
      feedback_survey_question_operator_intelligence_low: 'Nenhum conhecimento',
      feedback_survey_question_operator_intelligence_high: 'Muito conhecimento',
      feedback_survey_question_operator_speed_low: 'Nada rápido',
      feedback_survey_question_operator_speed_high: 'Extremamente rápido',
      feedback_survey_question_operator_attitude_low: 'Nada cordial',
      feedback_survey_question_operator_attitude_high: 'Extremamente cordial',
      feedback_survey_question_additional_feedback_text: 'Comentários adicionais.',
      feedback_survey_button_next: 'Próxima',
      feedback_survey_button_submitting: 'Enviando',
      feedback_survey_button_finish: 'Concluir',
      feedback_survey_end_message: 'Obrigado pelo seu feedback',
      feedback_survey_submission_error_message: 'Ocorreu um erro ao enviar sua resposta. Tente novamente.',
      feedback_survey_begin_button_text: 'Avaliar chat',
      feedback_survey_complete_button_text: 'Concluído',
      feedback_survey_cancel_text: 'Cancelar',
      restart_chat_online_button_text: 'Começar a conversar',
      restart_chat_offline_button_text: 'E-mail',
      send_transcript_title_text: 'Enviar transcrição',
      send_transcript_begin_button_text: 'Enviar transcrição',
      send_transcript_complete_button_text: 'Transcrição enviada!',
      send_transcript_error_text: 'Ocorreu um erro ao enviar esta transcrição',
      send_transcript_cancel_text: 'Cancelar',
      send_transcript_placeholder: 'Clique aqui e digite seu e-mail',
      minimize_label: 'Minimizar chat',
      input_label: 'Mensagem',
      messages_label: 'Mensagens do chat',
      offline_form_label: 'Deixe uma mensagem',
      prechat_form_label: 'Antes do chat',
      name_label: 'Nome',
      email_label: 'E-mail',
      phone_label: 'Telefone',
      offline_message_text: 'Mensagem',
      unread_one: '{count} mensagem não lida',
      unread_other: '{count} mensagens não lidas'
    },
    'ru-RU': {
      welcome_title: 'Напишите нам',
      chatting_title: 'Напишите нам',
      welcome_message: 'Есть вопрос? Мы с радостью поможем.',
      chat_input_text: 'Введите сообщение...',
      ended_chat_message: 'Есть вопрос? Этот разговор завершён. Если хотите, можно начать новый чат, отправив ещё одно сообщение. Спасибо, что пообщались с нами. Заходите в любое время.',
      unavailable_title: 'Нужна помощь?',
      away_message: 'Сейчас нас нет на месте, но вы можете оставить нам сообщение',
      name_input_text: 'Нажмите здесь и введите своё имя',
      email_input_text: 'Нажмите здесь и введите свой адрес эл. почты',
      phone_input_text: 'Нажмите здесь и введите свой номер телефона',
      offline_note_message: 'Есть вопрос или обращение в службу поддержки? Чтобы ускорить решение, опишите проблему как можно подробнее.',
      send_button_text: 'Отправить',
      offline_note_thankyou_text: 'Спасибо за сообщение. Мы ответим вам как можно скорее.',
      offline_note_error_text: 'Заполните все поля и укажите действительный адрес электронной почты',
      introduction_error_text: 'Пожалуйста, оставьте имя и адрес электронной почты, чтобы мы могли связаться с вами, если соединение прервётся',
      introduction_messages: 'Добро пожаловать! Заполните несколько коротких полей и нажмите «Начать чат», чтобы поговорить с нами',
      introduction_submit_button_text: 'Начать чат',
      feedback_survey_question_chat_text: 'Насколько вы довольны этим чатом?',
      feedback_survey_question_operator_intelligence_text: 'Насколько компетентен был оператор?',
      feedback_survey_question_operator_speed_text: 'Насколько быстро отвечал оператор?',
      feedback_survey_question_operator_attitude_text: 'Насколько доброжелателен был оператор?',
      question: 'Вопрос {n} из 5',
      feedback_survey_question_chat_low: 'Совсем не доволен',
      feedback_survey_question_chat_high: 'Очень доволен',
      feedback_survey_question_operator_intelligence_low: 'Совсем не компетентен',
      feedback_survey_question_operator_intelligence_high: 'Очень компетентен',
      feedback_survey_question_operator_speed_low: 'Отвечал очень медленно',
      feedback_survey_question_operator_speed_high: 'Отвечал очень быстро',
      feedback_survey_question_operator_attitude_low: 'Совсем не доброжелателен',
      feedback_survey_question_operator_attitude_high: 'Очень доброжелателен',
      feedback_survey_question_additional_feedback_text: 'Дополнительный отзыв.',
      feedback_survey_button_next: 'Далее',
      feedback_survey_button_submitting: 'Отправка',
      feedback_survey_button_finish: 'Завершить',
      feedback_survey_end_message: 'Спасибо за отзыв',
      feedback_survey_submission_error_message: 'При отправке ответа произошла ошибка, попробуйте ещё раз.',
      feedback_survey_begin_button_text: 'Оценить чат',
      feedback_survey_complete_button_text: 'Готово',
      feedback_survey_cancel_text: 'Отмена',
      restart_chat_online_button_text: 'Начать чат',
      restart_chat_offline_button_text: 'Эл. почта',
      send_transcript_title_text: 'Отправить стенограмму',
      send_transcript_begin_button_text: 'Отправить стенограмму',
      send_transcript_complete_button_text: 'Стенограмма отправлена!',
      send_transcript_error_text: 'При отправке стенограммы произошла ошибка',
      send_transcript_cancel_text: 'Отмена',
      send_transcript_placeholder: 'Нажмите здесь и введите адрес эл. почты',
      minimize_label: 'Свернуть чат',
      input_label: 'Сообщение',
      messages_label: 'Сообщения чата',
      offline_form_label: 'Оставить сообщение',
      prechat_form_label: 'Перед началом чата',
      name_label: 'Имя',
      email_label: 'Эл. почта',
      phone_label: 'Телефон',
      offline_message_text: 'Сообщение',
      unread_one: '{count} непрочитанное сообщение',
      unread_few: '{count} непрочитанных сообщения',
      unread_many: '{count} непрочитанных сообщений',
      unread_other: '{count} непрочитанных сообщений'
    },
    'sv-SE': {
      welcome_title: 'Chatta med oss',
      chatting_title: 'Chatta med oss',
      welcome_message: 'Har du en fråga? Vi hjälper gärna till.',
      chat_input_text: 'Skriv ett meddelande...',
      ended_chat_message: 'Har du en fråga? Den här konversationen har avslutats. Om du vill kan du starta en ny chatt genom att skicka ett nytt meddelande. Tack för att du chattade med oss. Välkommen tillbaka när som helst.',
      unavailable_title: 'Behöver du hjälp?',
      away_message: 'Vi är inte här just nu, men lämna gärna ett meddelande',
      name_input_text: 'Klicka här och skriv ditt namn',
      email_input_text: 'Klicka här och skriv din e-postadress',
      phone_input_text: 'Klicka här och skriv ditt telefonnummer',
      offline_note_message: 'Har du en fråga eller ett supportärende? Ge oss så mycket information om ditt problem som möjligt, så går det snabbare.',
      send_button_text: 'Skicka',
      offline_note_thankyou_text: 'Tack för ditt meddelande. Vi återkommer så snart vi kan.',
      offline_note_error_text: 'Du måste fylla i alla fält och ange en giltig e-postadress',
      introduction_error_text: 'Lämna ditt namn och din e-postadress så att vi kan kontakta dig om anslutningen bryts',
      introduction_messages: 'Välkommen! Fyll bara i lite kort information och klicka på Starta chatt för att prata med oss',
      introduction_submit_button_text: 'Starta chatt',
      feedback_survey_question_chat_text: 'Hur nöjd var du med den här chatten?',
      feedback_survey_question_operator_intelligence_text: 'Hur kunnig var chattagenten?',
      feedback_survey_question_operator_speed_text: 'Hur snabbt svarade chattagenten?',
      feedback_survey_question_operator_attitude_text: 'Hur vänlig var chattagenten?',
      question: 'Fråga {n} av 5',
      feedback_survey_question_chat_low: 'Inte alls nöjd',
      feedback_survey_question_chat_high: 'Mycket nöjd',
      feedback_survey_question_operator_intelligence_low: 'Inte alls kunnig',
      feedback_survey_question_operator_intelligence_high: 'Mycket kunnig',
      feedback_survey_question_operator_speed_low: 'Inte alls snabb',
      feedback_survey_question_operator_speed_high: 'Mycket snabb',
      feedback_survey_question_operator_attitude_low: 'Inte alls vänlig',
      feedback_survey_question_operator_attitude_high: 'Mycket vänlig',
      feedback_survey_question_additional_feedback_text: 'Ytterligare feedback.',
      feedback_survey_button_next: 'Nästa',
      feedback_survey_button_submitting: 'Skickar',
      feedback_survey_button_finish: 'Slutför',
      feedback_survey_end_message: 'Tack för din feedback',
      feedback_survey_submission_error_message: 'Det gick inte att skicka ditt svar. Försök igen.',
      feedback_survey_begin_button_text: 'Betygsätt chatten',
      feedback_survey_complete_button_text: 'Klar',
      feedback_survey_cancel_text: 'Avbryt',
      restart_chat_online_button_text: 'Börja chatta',
      restart_chat_offline_button_text: 'E-post',
      send_transcript_title_text: 'Skicka utskrift',
      send_transcript_begin_button_text: 'Skicka utskrift',
      send_transcript_complete_button_text: 'Utskriften har skickats!',
      send_transcript_error_text: 'Det gick inte att skicka utskriften',
      send_transcript_cancel_text: 'Avbryt',
      send_transcript_placeholder: 'Klicka här och ange din e-postadress',
      minimize_label: 'Minimera chatten',
      input_label: 'Meddelande',
      messages_label: 'Chattmeddelanden',
      offline_form_label: 'Lämna ett meddelande',
      prechat_form_label: 'Innan du chattar',
      name_label: 'Namn',
      email_label: 'E-post',
      phone_label: 'Telefon',
      offline_message_text: 'Meddelande',
      unread_one: '{count} oläst meddelande',
      unread_other: '{count} olästa meddelanden'
    },
    'tr-TR': {
      welcome_title: 'Bizimle sohbet edin',
      chatting_title: 'Bizimle sohbet edin',
      welcome_message: 'Bir sorunuz mu var? Yardımcı olmaktan memnuniyet duyarız.',
      chat_input_text: 'Bir mesaj yazın...',
      ended_chat_message: 'Bir sorunuz mu var? Bu görüşme sona erdi. İsterseniz yeni bir mesaj göndererek yeni bir sohbet başlatabilirsiniz. Bizimle sohbet ettiğiniz için teşekkürler. Dilediğiniz zaman tekrar bekleriz.',
      unavailable_title: 'Yardıma mı ihtiyacınız var?',
      away_message: 'Şu anda burada değiliz ama bize bir mesaj bırakabilirsiniz',
      name_input_text: 'Buraya tıklayın ve adınızı yazın',
      email_input_text: 'Buraya tıklayın ve e-posta adresinizi yazın',
      phone_input_text: 'Buraya tıklayın ve telefon numaranızı yazın',
      offline_note_message: 'Bir sorunuz veya destek talebiniz mi var? Süreci hızlandırmak için lütfen sorununuzla ilgili olabildiğince fazla bilgi verin.',
      send_button_text: 'Gönder',
      offline_note_thankyou_text: 'Mesajınız için teşekkürler. Size en kısa sürede dönüş yapacağız.',
      offline_note_error_text: 'Tüm alanları doldurmalı ve geçerli bir e-posta adresi belirtmelisiniz',
      introduction_error_text: 'Bağlantı kesilirse size ulaşabilmemiz için lütfen adınızı ve e-posta adresinizi bırakın',
      introduction_messages: 'Hoş geldiniz! Bizimle konuşmak için birkaç kısa bilgiyi doldurun ve Sohbeti başlat düğmesine tıklayın',
      introduction_submit_button_text: 'Sohbeti başlat',
      feedback_survey_question_chat_text: 'Bu sohbetten ne kadar memnun kaldınız?',
      feedback_survey_question_operator_intelligence_text: 'Temsilci ne kadar bilgiliydi?',
      feedback_survey_question_operator_speed_text: 'Temsilci ne kadar hızlı yanıt verdi?',
      feedback_survey_question_operator_attitude_text: 'Temsilci ne kadar güler yüzlüydü?',
      question: 'Soru {n} / 5',
      feedback_survey_question_chat_low: 'Hiç memnun değilim',
      feedback_survey_question_chat_high: 'Son derece memnunum',
      feedback_survey_question_operator_intelligence_low: 'Hiç bilgili değil',
      feedback_survey_question_operator_intelligence_high: 'Son derece bilgili',
      feedback_survey_question_operator_speed_low: 'Hiç hızlı değil',
      feedback_survey_question_operator_speed_high: 'Son derece hızlı',
      feedback_survey_question_operator_attitude_low: 'Hiç güler yüzlü değil',
      feedback_survey_question_operator_attitude_high: 'Son derece güler yüzlü',
      feedback_survey_question_additional_feedback_text: 'Ek geri bildirim.',
      feedback_survey_button_next: 'İleri',
      feedback_survey_button_submitting: 'Gönderiliyor',
      feedback_survey_button_finish: 'Bitir',
      feedback_survey_end_message: 'Geri bildiriminiz için teşekkürler',
      feedback_survey_submission_error_message: 'Yanıtınız gönderilirken bir hata oluştu, lütfen tekrar deneyin.',
      feedback_survey_begin_button_text: 'Sohbeti değerlendir',
      feedback_survey_complete_button_text: 'Tamam',
      feedback_survey_cancel_text: 'İptal',
      restart_chat_online_button_text: 'Sohbete başla',
      restart_chat_offline_button_text: 'E-posta',
      send_transcript_title_text: 'Sohbet dökümünü gönder',
      send_transcript_begin_button_text: 'Sohbet dökümünü gönder',
      send_transcript_complete_button_text: 'Sohbet dökümü gönderildi!',
      send_transcript_error_text: 'Bu sohbet dökümü gönderilirken bir hata oluştu',
      send_transcript_cancel_text: 'İptal',
      send_transcript_placeholder: 'Buraya tıklayın ve e-posta adresinizi girin',
      minimize_label: 'Sohbeti küçült',
      input_label: 'Mesaj',
      messages_label: 'Sohbet mesajları',
      offline_form_label: 'Mesaj bırakın',
      prechat_form_label: 'Sohbetten önce',
      name_label: 'Ad',
      email_label: 'E-posta',
      phone_label: 'Telefon',
      offline_message_text: 'Mesaj',
      unread_one: '{count} okunmamış mesaj',
      unread_other: '{count} okunmamış mesaj'
    },
    'zh-CN': {
      welcome_title: '与我们聊天',
      chatting_title: '与我们聊天',
      welcome_message: '有问题吗？我们很乐意为您提供帮助。',
      chat_input_text: '输入消息...',
      ended_chat_message: '有问题吗？本次对话已结束。如果需要，您可以再发送一条消息开始新的聊天。感谢您与我们聊天，欢迎随时再来。',
      unavailable_title: '需要帮助吗？',
      away_message: '我们暂时不在，请给我们留言',
      name_input_text: '点击此处输入您的姓名',
      email_input_text: '点击此处输入您的电子邮箱',
      phone_input_text: '点击此处输入您的电话号码',
      offline_note_message: '有问题或需要技术支持吗？为了加快处理速度，请尽可能详细地描述您的问题。',
      send_button_text: '发送',
      offline_note_thankyou_text: '感谢您的留言，我们会尽快回复您。',
      offline_note_error_text: '请填写所有字段并提供有效的电子邮箱地址',
      introduction_error_text: '请留下您的姓名和电子邮箱地址，以便在连接中断时我们能联系到您',
      introduction_messages: '欢迎！只需填写一些简单信息，然后点击“开始聊天”即可与我们交谈',
      introduction_submit_button_text: '开始聊天',
      feedback_survey_question_chat_text: '您对本次聊天的满意度如何？',
      feedback_survey_question_operator_intelligence_text: '客服的专业程度如何？',
      feedback_survey_question_operator_speed_text: '客服的响应速度如何？',
      feedback_survey_question_operator_attitude_text: '客服的态度是否友好？',
      question: '第 {n} 题，共 5 题',
      feedback_survey_question_chat_low: '非常不满意',
      feedback_survey_question_chat_high: '非常满意',
      feedback_survey_question_operator_intelligence_low: '非常不专业',
      feedback_survey_question_operator_intelligence_high: '非常专业',
      feedback_survey_question_operator_speed_low: '响应非常慢',
      feedback_survey_question_operator_speed_high: '响应非常快',
      feedback_survey_question_operator_attitude_low: '非常不友好',
      feedback_survey_question_operator_attitude_high: '非常友好',
      feedback_survey_question_additional_feedback_text: '其他反馈。',
      feedback_survey_button_next: '下一步',
      feedback_survey_button_submitting: '正在提交',
      feedback_survey_button_finish: '完成',
      feedback_survey_end_message: '感谢您的反馈',
      feedback_survey_submission_error_message: '提交您的回答时出错，请重试。',
      feedback_survey_begin_button_text: '评价本次聊天',
      feedback_survey_complete_button_text: '完成',
      feedback_survey_cancel_text: '取消',
      restart_chat_online_button_text: '开始聊天',
      restart_chat_offline_button_text: '电子邮件',
      send_transcript_title_text: '发送聊天记录',
      send_transcript_begin_button_text: '发送聊天记录',
      send_transcript_complete_button_text: '聊天记录已发送！',
      send_transcript_error_text: '发送聊天记录时出错',
      send_transcript_cancel_text: '取消',
      send_transcript_placeholder: '点击此处输入您的电子邮箱',
      minimize_label: '最小化聊天',
      input_label: '消息',
      messages_label: '聊天消息',
      offline_form_label: '留言',
      prechat_form_label: '聊天前信息',
      name_label: '姓名',
      email_label: '电子邮箱',
      phone_label: '电话',
      offline_message_text: '留言内容',
      unread_one: '{count} 条未读消息',
      unread_other: '{count} 条未读消息'
    }
  };
  // feedback_survey_question_{1..5}_text from each table's `question` template.
  Object.keys(STRINGS).forEach(function (locale) {
    var t = STRINGS[locale];
    for (var n = 1; n <= 5; n++) t['feedback_survey_question_' + n + '_text'] = t.question.split('{n}').join(String(n));
    delete t.question;
  });

  // ---------------------------------------------------------------- helpers

  function hasOwn(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }

  // Printable form of an arbitrary value for warnings; never throws.
  function describe(value) {
    if (typeof value === 'string') return '"' + value + '"';
    if (typeof value === 'number') return String(value); // NaN, Infinity: not JSON null
    try {
      if (typeof value === 'function') return 'function';
      if (typeof value === 'symbol') return value.toString();
      if (value === undefined) return 'undefined';
      var json = JSON.stringify(value);
      return json === undefined ? String(value) : json;
    } catch (e) {
      try { return String(value); } catch (e2) { return Object.prototype.toString.call(value); }
    }
  }

  function warn(msg) { console.warn(PREFIX + msg); }
  function error(msg) { console.error(PREFIX + msg); }

  function report(e) {
    try {
      if (typeof window.reportError === 'function') {
        window.reportError(e);
        return;
      }
    } catch (ignored) { /* fall through */ }
    console.error(PREFIX + 'error in callback:', e);
  }

  // Invoke a site-supplied callback; an exception is reported, never rethrown.
  function safeCall(fn, args) {
    try {
      fn.apply(undefined, args || []);
    } catch (e) {
      report(e);
    }
  }

  // Normalise one queued entry (arguments object or Array) into a real Array,
  // or return null if it is malformed.
  function normalizeEntry(entry) {
    if (entry === null || typeof entry !== 'object') return null;
    var len;
    try { len = entry.length; } catch (e) { return null; }
    if (typeof len !== 'number' || !Number.isInteger(len) || len < 1 || len > MAX_ENTRY_LENGTH) return null;
    var out = [];
    for (var i = 0; i < len; i++) out.push(entry[i]);
    if (typeof out[0] !== 'string') return null;
    return out;
  }

  function isTrue(v) {
    return v === true || v === 'true' || v === 1;
  }

  // ---------------------------------------------------------------- find stub

  var existing = window.olark;
  if (existing && existing[LIVE_MARK]) {
    return; // second run of the loader: the live API is already installed
  }
  var stubState = existing ? existing._ : undefined;
  if (!existing || stubState === null || typeof stubState !== 'object') {
    error('no embed snippet found (window.olark with the `_` queue is missing); ' +
      'the widget will not load. Add the Olark embed snippet before this loader.');
    return;
  }

  // ---------------------------------------------------------------- state

  var config = Object.create(null);      // configure() values
  var settings = Object.create(null);    // the site's dashboard defaults (POST page `settings`)
  var localeOverrides = Object.create(null); // locale.* configure values
  var extensions = Object.create(null);  // extend() registrations
  var siteId = null;

  // phase: 'loading' (queued configure/identify) -> 'booting' (site id known,
  // stylesheet loading; configure still applies) -> 'ready'; or 'dead' (no site id)
  var phase = 'loading';
  var pendingLive = [];                  // live api calls made before ready
  var deadReason = 'no site id';         // why the widget did not load (phase 'dead')

  var box = { shown: true, expanded: false };
  var currentLocale = DEFAULT_LOCALE;
  var localeChosen = false;              // the page picked the locale (see str)
  var callbacks = {
    show: [], hide: [], expand: [], shrink: [], ready: [],
    available: [], away: [], begin: [], toOperator: [], toVisitor: [], command: [], offline: []
  };

  // Conversation state (see README "Chat and backend").
  var chat = {
    available: false,        // an operator is available for this visitor
    nickname: null,          // the operator who would answer (presence)
    lastNickname: null,      // nickname of the last operator message shown
    begun: false,            // the conversation has at least one message
    unread: 0,               // operator messages received while not expanded
    lastSeq: 0,              // highest stream sequence number handled
    offlineSent: false,      // the offline form was submitted on this page
    ended: false,            // an operator ended the conversation (`ended` event)
    stream: null             // the EventSource
  };
  var backend = null;        // { base: '<origin>/olark/v1/sites/{site}/visitors/{visitor}/' }
  var session = false;       // POST page succeeded: the backend knows this visitor
  var visitor = null;        // the visitor id (cookie hblid)

  var ui = null; // DOM references once rendered
  var look = null; // appearance decided at render (see appearance())
  var analytics = null; // {id} while the Google Analytics integration is on (decided at load)

  // ---------------------------------------------------------------- strings

  // Page-level locale.* values (configure): always the highest priority.
  function pageString(key) {
    return hasOwn(localeOverrides, key) ? localeOverrides[key] : undefined;
  }

  // locale.* values of the site settings (the dashboard's "Behavior & Text").
  function siteString(key) {
    var v = hasOwn(settings, 'locale.' + key) ? settings['locale.' + key] : undefined;
    return typeof v === 'string' ? v : undefined;
  }

  // The built-in table of the current locale (en-US for a key it lacks).
  function tableString(key) {
    var table = STRINGS[currentLocale] || STRINGS[DEFAULT_LOCALE];
    return hasOwn(table, key) ? table[key] : STRINGS[DEFAULT_LOCALE][key];
  }

  // The text of a string key. Precedence: page configure > the table of a locale chosen by
  // the page (api.box.setLocale, configure system.localization) > site settings > the table
  // of the current locale (en-US, or the site's own system.localization). `fallback` is a
  // key consulted at the same level when `key` is not set there (chatting_title falls back
  // to welcome_title, so a custom welcome title is not replaced once the chat begins).
  function str(key, fallback) {
    var keys = fallback ? [key, fallback] : [key];
    var levels = localeChosen ? [pageString, tableString, siteString] : [pageString, siteString, tableString];
    for (var i = 0; i < levels.length; i++) {
      for (var j = 0; j < keys.length; j++) {
        var v = levels[i](keys[j]);
        if (v !== undefined) return v;
      }
    }
    return '';
  }

  // "N unread messages", with the plural form of the current locale.
  function unreadText(n) {
    var category = n === 1 ? 'one' : 'other';
    try { category = new Intl.PluralRules(currentLocale).select(n); } catch (e) { /* keep the simple rule */ }
    var text = str('unread_' + category);
    if (text === '') text = str('unread_other');
    return text.split('{count}').join(String(n));
  }

  // Panel title: welcome_title while an operator is available (chatting_title once the
  // conversation has begun), unavailable_title while none is.
  function syncTitle() {
    if (!ui) return;
    var title = !chat.available ? str('unavailable_title')
      : chat.begun ? str('chatting_title', 'welcome_title') : str('welcome_title');
    ui.title.textContent = title;
    ui.panel.setAttribute('aria-label', title);
  }

  function applyStrings() {
    if (!ui) return;
    ui.root.setAttribute('lang', currentLocale);
    syncFrameStrings();
    var title = str('welcome_title');
    ui.launcherLabel.textContent = title;
    if (ui.grabber) ui.grabber.setAttribute('alt', title);
    syncTitle();
    ui.minimize.setAttribute('aria-label', str('minimize_label'));
    ui.messages.setAttribute('aria-label', str('messages_label'));
    ui.welcome.textContent = str('welcome_message');
    ui.input.setAttribute('placeholder', str('chat_input_text'));
    ui.input.setAttribute('aria-label', str('input_label'));
    ui.send.textContent = str('send_button_text');
    ui.offline.setAttribute('aria-label', str('offline_form_label'));
    ui.away.textContent = str('away_message');
    ui.nameLabel.textContent = str('name_label');
    ui.offlineName.setAttribute('placeholder', str('name_input_text'));
    ui.emailLabel.textContent = str('email_label');
    ui.offlineEmail.setAttribute('placeholder', str('email_input_text'));
    ui.messageLabel.textContent = str('offline_message_text');
    ui.offlineMessage.setAttribute('placeholder', str('offline_note_message'));
    ui.offlineSubmit.textContent = str('send_button_text');
    ui.offlineError.textContent = str('offline_note_error_text');
    ui.thanks.textContent = str('offline_note_thankyou_text');
    if (ui.prechat) {
      var pc = ui.prechat;
      pc.form.setAttribute('aria-label', str('prechat_form_label'));
      pc.intro.textContent = str('introduction_messages');
      PRECHAT_FIELDS.forEach(function (f) {
        pc.fields[f].label.textContent = str(f + '_label');
        pc.fields[f].field.setAttribute('placeholder', str(f + '_input_text'));
      });
      pc.error.textContent = str('introduction_error_text');
      pc.submit.textContent = str('introduction_submit_button_text');
    }
    ui.feedbackBegin.textContent = str('feedback_survey_begin_button_text');
    ui.feedbackThanks.textContent = str('feedback_survey_end_message');
    if (feedback && feedback.step === 'form') renderFeedbackQuestion();
    syncUnread();
  }

  // Returns true if the locale was accepted. `chosen`: picked by the page (setLocale or
  // configure system.localization), so its table overrides the site's locale.* texts.
  function setLocale(locale, source, chosen) {
    if (typeof locale !== 'string' || !hasOwn(STRINGS, locale)) {
      warn('unsupported locale ' + describe(locale) + ' in ' + source +
        '; keeping ' + currentLocale + '. Supported: ' + Object.keys(STRINGS).join(', '));
      return false;
    }
    currentLocale = locale;
    if (chosen) localeChosen = true;
    applyStrings();
    return true;
  }

  // ---------------------------------------------------------------- box state

  function syncBox() {
    if (!ui) return;
    ui.root.hidden = !box.shown || mobileBlocked();
    ui.root.classList.toggle('olark-ref--expanded', box.expanded);
    ui.launcher.hidden = box.expanded || look.inline;
    ui.panel.hidden = !box.expanded;
    // The Attention Grabber shows only while the box is shown and shrunk.
    if (ui.grabberButton) ui.grabberButton.hidden = box.expanded || look.inline;
    ui.launcher.setAttribute('aria-expanded', box.expanded ? 'true' : 'false');
    if (box.shown && box.expanded && chat.unread !== 0) {
      chat.unread = 0; // the visitor can see the conversation
      syncUnread();
    }
  }

  function syncUnread() {
    if (!ui) return;
    var n = chat.unread;
    ui.unread.hidden = n === 0;
    ui.unread.textContent = String(n);
    var text = unreadText(n);
    ui.unread.setAttribute('aria-label', text);
    // The visible label may be hidden (icon-only launcher): the name comes from aria-label,
    // which therefore also carries the unread count.
    ui.launcher.setAttribute('aria-label', str('welcome_title') + (n === 0 ? '' : ', ' + text));
  }

  // The welcome line is shown until the conversation begins; the title may change with it.
  function syncConversation() {
    if (!ui) return;
    ui.welcome.hidden = chat.begun;
    syncMode(); // the title, and a pending pre-chat survey is dropped once the chat begins
  }

  // Online: message list + chat input. Offline: message list + offline form
  // (or its thank-you text once sent on this page).
  function syncMode() {
    if (!ui) return;
    ui.root.classList.toggle('olark-ref--offline', !chat.available);
    var survey = surveyPending();
    var rating = !!feedback && feedback.step === 'form'; // the rating form replaces the rest
    ui.form.hidden = !chat.available || survey || rating;
    if (ui.prechat) ui.prechat.form.hidden = !chat.available || !survey || rating;
    ui.offline.hidden = chat.available || chat.offlineSent || rating;
    ui.thanks.hidden = chat.available || !chat.offlineSent || rating;
    // "Rate chat" is in the document only while offered, so it cannot be found before.
    var offer = !!feedback && feedback.step === 'begin';
    if (offer && !ui.feedbackBegin.parentNode) {
      ui.panel.insertBefore(ui.feedbackBegin, ui.feedbackForm);
    } else if (!offer && ui.feedbackBegin.parentNode) {
      ui.feedbackBegin.parentNode.removeChild(ui.feedbackBegin);
    }
    ui.feedbackForm.hidden = !rating;
    ui.feedbackThanks.hidden = !feedback || feedback.step !== 'done';
    syncTitle();
    syncGrabberImage();
  }

  // The Attention Grabber image follows presence: online image while an operator is
  // available, offline image while all are away.
  function syncGrabberImage() {
    if (!ui || !ui.grabber) return;
    var src = chat.available ? look.grabber.online : look.grabber.offline;
    if (ui.grabber.getAttribute('src') !== src) ui.grabber.setAttribute('src', src);
  }

  // makeEvent (optional) builds a fresh event object for each callback.
  function fire(list, makeEvent) {
    var snapshot = list.slice();
    for (var i = 0; i < snapshot.length; i++) {
      safeCall(snapshot[i], [makeEvent ? makeEvent() : {}]);
    }
  }

  function boxShow() {
    if (box.shown) return;
    box.shown = true;
    syncBox();
    fire(callbacks.show);
  }

  function boxHide() {
    if (!box.shown) return;
    box.shown = false;
    syncBox();
    fire(callbacks.hide);
  }

  function boxExpand() {
    boxShow();
    if (box.expanded) return;
    box.expanded = true;
    syncBox();
    track('chat_expanded');
    fire(callbacks.expand);
  }

  function boxShrink() {
    if (!box.expanded) return;
    if (look && look.inline) return; // an inline chatbox is always expanded
    box.expanded = false;
    syncBox();
    fire(callbacks.shrink);
  }

  function register(kind, name) {
    return function (fn) {
      if (typeof fn !== 'function') {
        warn(name + ' expects a function, got ' + describe(fn) + '; ignored');
        return;
      }
      callbacks[kind].push(fn);
    };
  }

  function onReady(fn) {
    if (typeof fn !== 'function') {
      warn('api.chat.onReady expects a function, got ' + describe(fn) + '; ignored');
      return;
    }
    if (phase === 'ready') {
      safeCall(fn, []);
    } else {
      callbacks.ready.push(fn);
    }
  }

  function markReady() {
    phase = 'ready';
    var list = callbacks.ready;
    callbacks.ready = [];
    for (var i = 0; i < list.length; i++) safeCall(list[i], []);
  }

  // ---------------------------------------------------------------- backend

  // The URL this script was loaded from (assets are next to it).
  function loaderUrl() {
    if (currentScript && currentScript.src) return currentScript.src;
    return snippetLoaderUrl();
  }

  // The loader URL of the embed snippet (`olark._.l`, "<host>/jsclient/loader.js"), which
  // the backend URL is found from: a variant's entry script may load this file from
  // elsewhere on the host (see README "Mounts"), but the backend stays at /olark/v1/.
  function snippetLoaderUrl() {
    if (typeof stubState.l === 'string' && stubState.l !== '') {
      return '//' + stubState.l.replace(/^(https?:)?\/\//, '');
    }
    return null;
  }

  function readCookie(name) {
    var all;
    try { all = document.cookie; } catch (e) { return null; }
    var parts = typeof all === 'string' ? all.split(';') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (eq !== -1 && parts[i].slice(0, eq).trim() === name) return parts[i].slice(eq + 1).trim();
    }
    return null;
  }

  function newVisitorId() {
    var c = window.crypto;
    if (c && typeof c.randomUUID === 'function') {
      try { return c.randomUUID(); } catch (e) { /* insecure context: fall through */ }
    }
    var bytes = new Uint8Array(16);
    if (c && typeof c.getRandomValues === 'function') {
      c.getRandomValues(bytes);
    } else {
      for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    }
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }

  // The visitor id lives in a first-party cookie so reloads and other pages of the
  // site continue the same visitor and conversation.
  function visitorId() {
    var id = readCookie(COOKIE_NAME);
    if (id !== null && VISITOR_ID_RE.test(id)) return id;
    id = newVisitorId();
    try {
      document.cookie = COOKIE_NAME + '=' + id + '; path=/; max-age=' + COOKIE_MAX_AGE_S +
        '; SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');
    } catch (e) {
      warn('could not store the visitor id cookie; the conversation will not survive a reload');
    }
    return id;
  }

  // ---------------------------------------------------------------- request queue

  // Every backend request (POST page, sends, visitor updates, GET details) runs through
  // one queue, so requests issued in sequence by the page reach the backend in that
  // order (an update followed by getDetails reports the update). A request starts when
  // the previous one has settled; when the queue is idle it starts synchronously, so a
  // send right before a navigation is still on its way. A failed request does not stop
  // the queue, and a request that hangs only holds it for REQUEST_STEP_TIMEOUT_MS.
  // Never enqueue from inside a queued request while waiting for it: nothing does.
  var REQUEST_STEP_TIMEOUT_MS = 10000;
  var requests = { running: false, waiting: [] };

  // start() returns a promise of { ok, ... }; serial() resolves with its result (never rejects).
  function serial(start) {
    return new Promise(function (resolve) {
      requests.waiting.push({ start: start, resolve: resolve });
      if (!requests.running) nextRequest();
    });
  }

  function runJob(job, after) {
    var settled = false;
    var timer = null;
    function advance() {
      if (settled) return;
      settled = true;
      if (timer !== null) clearTimeout(timer);
      if (after) after();
    }
    var started;
    try {
      started = Promise.resolve(job.start());
    } catch (e) {
      started = Promise.resolve({ ok: false, problem: String(e) });
    }
    started.then(function (r) {
      job.resolve(r);
      advance();
    }, function (e) {
      job.resolve({ ok: false, problem: e && e.message ? e.message : String(e) });
      advance();
    });
    if (after) timer = setTimeout(advance, REQUEST_STEP_TIMEOUT_MS);
  }

  function nextRequest() {
    var job = requests.waiting.shift();
    if (!job) {
      requests.running = false;
      return;
    }
    requests.running = true;
    runJob(job, nextRequest);
  }

  // The page is going away: start everything still waiting now (in order, keepalive),
  // rather than lose it behind a request in flight.
  try {
    window.addEventListener('pagehide', function () {
      while (requests.waiting.length !== 0) runJob(requests.waiting.shift(), null);
    });
  } catch (e) { /* no window events: requests simply stay in order */ }

  // One request to the visitor's backend URL. Never rejects: resolves
  // { ok: true, data } or { ok: false, problem }.
  function request(method, path, payload, keepalive) {
    if (backend === null) return Promise.resolve({ ok: false, problem: 'no backend' });
    var url = backend.base + path;
    var init = method === 'GET'
      ? { method: 'GET', cache: 'no-store' } // values change over time: never from a cache
      : {
        method: method,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
        // Sends still complete if the page navigates away right after the call.
        keepalive: !!keepalive
      };
    var started;
    try {
      started = fetch(url, init);
    } catch (e) {
      return Promise.resolve({ ok: false, problem: String(e) });
    }
    return started.then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try { data = text === '' ? null : JSON.parse(text); } catch (e) { data = null; }
        if (res.ok) return { ok: true, data: data };
        var detail = data && typeof data.error === 'string' ? data.error : text;
        return { ok: false, problem: 'HTTP ' + res.status + ': ' + detail };
      });
    }).catch(function (e) {
      return { ok: false, problem: e && e.message ? e.message : String(e) };
    });
  }

  // POST JSON, in turn (see serial).
  function post(path, payload, keepalive) {
    return serial(function () { return request('POST', path, payload, keepalive); });
  }

  // GET, in turn (see serial).
  function get(path) {
    return serial(function () { return request('GET', path, null, false); });
  }

  // Fire-and-forget POST; a failure is logged (naming the API call, if any).
  function send(path, payload, callName) {
    return post(path, payload, true).then(function (r) {
      if (!r.ok) warn((callName ? callName + ': ' : '') + 'POST ' + path + ' failed (' + r.problem + ')');
      return r;
    });
  }

  // POST page: resolves the answer's data, or null (logged once with console.error).
  function postPage() {
    var group = config['system.group'];
    try {
      var snippetUrl = snippetLoaderUrl() || loaderUrl() || '/jsclient/loader.js';
      var base = new URL('../olark/v1/', new URL(snippetUrl, document.baseURI));
      visitor = visitorId();
      backend = {
        base: new URL('sites/' + encodeURIComponent(siteId) + '/visitors/' +
          encodeURIComponent(visitor) + '/', base).href
      };
    } catch (e) {
      error('could not work out the chat backend URL (' + e + '); starting offline');
      return Promise.resolve(null);
    }
    var referrer = '';
    try { referrer = typeof document.referrer === 'string' ? document.referrer : ''; } catch (e) { referrer = ''; }
    var payload = { url: location.href, title: document.title, referrer: referrer };
    if (typeof group === 'string' && group !== '') {
      payload.group = group;
    } else if (group !== undefined) {
      warn('configure "system.group" expects a non-empty group id string, got ' + describe(group) + '; ignored');
    }
    return post('page', payload, false).then(function (r) {
      var d = r.ok ? r.data : null;
      if (!r.ok || d === null || typeof d !== 'object' || typeof d.available !== 'boolean') {
        error('could not reach the chat backend (POST page: ' +
          (r.ok ? 'unexpected answer ' + describe(d) : r.problem) + '); starting offline');
        return null;
      }
      session = true;
      return d;
    });
  }

  // ---------------------------------------------------------------- Google Analytics

  // features.google_analytics + system.google_analytics_id, read once at load.
  function readAnalytics() {
    if (!isTrue(eff('features.google_analytics'))) return null;
    var id = eff('system.google_analytics_id');
    if (typeof id === 'string' && id.trim() !== '') return { id: id.trim() };
    warn(origin('features.google_analytics') + ' is on but system.google_analytics_id ' +
      (id === undefined || id === null || id === '' ? 'is not set' : 'expects an id string, got ' + describe(id)) +
      '; no analytics events are sent');
    return null;
  }

  // One chat event to the page's own Google Analytics: gtag.js if the page has it, else
  // analytics.js (`ga`). A page without either gets nothing.
  function track(name) {
    if (!analytics) return;
    try {
      if (typeof window.gtag === 'function') {
        window.gtag('event', name, { send_to: analytics.id, event_category: 'Olark' });
      } else if (typeof window.ga === 'function') {
        window.ga('send', 'event', 'Olark', name);
      }
    } catch (e) {
      report(e);
    }
  }

  // ---------------------------------------------------------------- local storage

  // Per-visitor flags in the site origin's localStorage; the value is the visitor id, so
  // a new visitor id (cookie cleared) starts afresh. Storage may be unavailable: then a
  // flag reads as unset and is not remembered.
  var GREETED_KEY = 'olark-ref:greeted';   // the Greeter greeted this visitor
  var SEEN_KEY = 'olark-ref:seen';         // this visitor has loaded a page before
  var PRECHAT_KEY = 'olark-ref:prechat';   // this visitor answered the pre-chat survey

  function flagSet(key) {
    try { return visitor !== null && window.localStorage.getItem(key) === visitor; } catch (e) { return false; }
  }

  function setFlag(key) {
    try { if (visitor !== null) window.localStorage.setItem(key, visitor); } catch (e) { /* not remembered */ }
  }

  // ---------------------------------------------------------------- Greeter

  // features.greeter or WelcomeAssist.welcome_new_visitors switches it on; a page that
  // sets either to false (and neither to true) switches a site's Greeter off.
  function greeterEnabled() {
    var pageOn = false, pageOff = false, siteOn = false;
    ['features.greeter', 'WelcomeAssist.welcome_new_visitors'].forEach(function (k) {
      if (hasOwn(config, k)) {
        if (isTrue(config[k])) pageOn = true; else pageOff = true;
      }
      if (hasOwn(settings, k) && isTrue(settings[k])) siteOn = true;
    });
    return pageOn || (!pageOff && siteOn);
  }

  // WelcomeAssist.welcome_messages: an array of strings (a single string is one message).
  function greeterMessages() {
    var key = 'WelcomeAssist.welcome_messages';
    var v = eff(key);
    if (typeof v === 'string') v = [v];
    if (!Array.isArray(v)) {
      warn(v === undefined
        ? 'the Greeter is on but ' + key + ' is not set; nobody is greeted'
        : origin(key) + ' expects an array of message strings, got ' + describe(v) + '; nobody is greeted');
      return [];
    }
    var out = [];
    v.forEach(function (m) {
      if (typeof m === 'string' && m.trim() !== '') {
        out.push(m);
      } else {
        warn(origin(key) + ' expects non-empty message strings, got ' + describe(m) + ' in the list; skipped');
      }
    });
    return out;
  }

  // WelcomeAssist.welcome_delay_in_seconds: a number of seconds >= 0 (default 0).
  function greeterDelayMs() {
    var key = 'WelcomeAssist.welcome_delay_in_seconds';
    var v = eff(key);
    if (v === undefined || v === null || v === '') return 0;
    var n = typeof v === 'number' ? v
      : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? parseFloat(v) : NaN;
    if (!Number.isFinite(n) || n < 0) {
      warn(origin(key) + ' expects a number of seconds, got ' + describe(v) + '; greeting without a delay');
      return 0;
    }
    return Math.round(n * 1000);
  }

  // At ready, with the POST page answer: the new-visitor notification, then the greeting
  // (at once, or after the delay) for a visitor not greeted before whose conversation has
  // not begun.
  function startGreeter(page, firstVisit) {
    if (!page || !greeterEnabled()) return;
    if (firstVisit && isTrue(eff('WelcomeAssist.notify_operator_of_new_visitors'))) {
      send('notifications', { body: 'New visitor: ' + document.title }, 'WelcomeAssist.notify_operator_of_new_visitors');
    }
    if (chat.begun || flagSet(GREETED_KEY)) return;
    var messages = greeterMessages();
    if (messages.length === 0) return;
    var delay = greeterDelayMs();
    if (delay === 0) {
      greet(messages);
    } else {
      setTimeout(function () { greet(messages); }, delay);
    }
  }

  // The greeting is an operator message from the operator who would answer; it begins the
  // conversation. Nobody is greeted while no operator is available (a later page tries again).
  function greet(messages) {
    if (chat.begun || !chat.available || flagSet(GREETED_KEY)) return;
    var i = Math.min(messages.length - 1, Math.floor(Math.random() * messages.length));
    var body = messages[i];
    setFlag(GREETED_KEY);
    send('messages-to-visitor', { body: body, kind: 'message' }, 'Greeter');
    operatorMessage(body, chat.nickname || DEFAULT_NICKNAME);
  }

  // ---------------------------------------------------------------- pre-chat survey

  var PRECHAT_FIELDS = ['name', 'email', 'phone'];
  var PRECHAT_DETAIL = { name: 'fullName', email: 'emailAddress', phone: 'phoneNumber' };
  var prechat = null; // {name, email, phone: 'required' | 'optional' | 'hidden', done} when on

  // features.prechat_survey + system.ask_for_{name,email,phone}, read once at load.
  function readPrechat() {
    if (!isTrue(eff('features.prechat_survey'))) return null;
    var p = { done: flagSet(PRECHAT_KEY) };
    PRECHAT_FIELDS.forEach(function (f) {
      var key = 'system.ask_for_' + f;
      var v = eff(key);
      var mode = typeof v === 'string' ? v.trim().toLowerCase() : v;
      if (mode === 'required' || mode === 'optional' || mode === 'hidden') {
        p[f] = mode;
      } else if (mode === true || mode === false) {
        p[f] = mode ? 'required' : 'hidden'; // the older boolean form
      } else {
        if (v !== undefined && v !== null && v !== '') {
          warn(origin(key) + ' expects "required", "optional" or "hidden", got ' + describe(v) + '; hidden');
        }
        p[f] = 'hidden';
      }
    });
    return p;
  }

  // The survey replaces the chat input until it is answered or the conversation begins.
  function surveyPending() {
    return !!prechat && !prechat.done && !chat.begun;
  }

  // The visitor submitted the survey: a missing required answer (or an email address
  // without "@") shows introduction_error_text; otherwise the answers become the
  // visitor's details and the chat input appears.
  function submitPrechat() {
    var pc = ui.prechat;
    var details = {};
    var bad = [];
    PRECHAT_FIELDS.forEach(function (f) {
      var input = pc.fields[f].field;
      if (prechat[f] === 'hidden') return;
      var value = input.value.trim();
      var invalid = (prechat[f] === 'required' && value === '') ||
        (f === 'email' && value !== '' && value.indexOf('@') === -1);
      if (invalid) {
        bad.push(input);
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', 'olark-ref-prechat-error');
      } else {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      }
      if (value !== '') details[PRECHAT_DETAIL[f]] = value;
    });
    pc.error.hidden = bad.length === 0;
    if (bad.length !== 0) {
      bad[0].focus();
      return;
    }
    if (Object.keys(details).length !== 0) {
      send('details', details, 'pre-chat survey');
      rulesChanged();
    }
    prechat.done = true;
    setFlag(PRECHAT_KEY);
    var hadFocus = focusInside(ui.panel);
    syncMode();
    if (hadFocus && !ui.form.hidden) ui.input.focus();
  }

  // ---------------------------------------------------------------- chat ratings

  // features.feedback: after an `ended` event, "Rate chat" opens a five-question survey.
  // null, or {step: 'begin' | 'form' | 'done', index: 0..4, answers: {key: 1..5}, comments}.
  var feedback = null;
  var FEEDBACK_QUESTIONS = ['chat', 'operator_intelligence', 'operator_speed', 'operator_attitude'];
  var FEEDBACK_LAST = FEEDBACK_QUESTIONS.length; // index of the free-text question (5th)

  // The operator ended the conversation (stream event `ended`).
  function conversationEnded() {
    chat.ended = true;
    appendNotification(str('ended_chat_message'));
    if (!isTrue(eff('features.feedback'))) return;
    if (feedback && feedback.step === 'form') return; // a survey in progress is kept
    feedback = { step: 'begin', index: 0, answers: {}, comments: '' };
    syncMode();
  }

  function beginFeedback() {
    if (!feedback || feedback.step !== 'begin') return;
    var hadFocus = focusInside(ui.panel);
    feedback.step = 'form';
    feedback.index = 0;
    renderFeedbackQuestion();
    syncMode();
    if (hadFocus) focusFeedback();
  }

  function focusFeedback() {
    var target = ui.feedbackForm.querySelector('input[type="radio"]:checked') ||
      ui.feedbackForm.querySelector('input[type="radio"], textarea');
    if (target) target.focus();
  }

  // Builds the current question (text only through textContent).
  function renderFeedbackQuestion() {
    var fb = feedback;
    var body = ui.feedbackBody;
    while (body.firstChild) body.removeChild(body.firstChild);
    var n = fb.index + 1;
    var fieldset = el('fieldset', 'olark-ref__feedback-question');
    var legend = el('legend', 'olark-ref__feedback-legend');
    var progress = el('span', 'olark-ref__feedback-progress');
    progress.textContent = str('feedback_survey_question_' + n + '_text');
    var text = el('span', 'olark-ref__feedback-text', { id: 'olark-ref-feedback-text' });
    legend.appendChild(progress);
    legend.appendChild(text);
    fieldset.appendChild(legend);
    if (fb.index < FEEDBACK_LAST) {
      var key = FEEDBACK_QUESTIONS[fb.index];
      text.textContent = str('feedback_survey_question_' + key + '_text');
      var scale = el('div', 'olark-ref__feedback-scale');
      var low = el('span', 'olark-ref__feedback-low', { id: 'olark-ref-feedback-low' });
      low.textContent = str('feedback_survey_question_' + key + '_low');
      var high = el('span', 'olark-ref__feedback-high', { id: 'olark-ref-feedback-high' });
      high.textContent = str('feedback_survey_question_' + key + '_high');
      var options = el('div', 'olark-ref__feedback-options');
      for (var v = 1; v <= 5; v++) {
        var label = el('label', 'olark-ref__feedback-option');
        var radio = el('input', 'olark-ref__feedback-radio', { type: 'radio', name: 'rating', value: String(v) });
        if (v === 1) radio.setAttribute('aria-describedby', 'olark-ref-feedback-low');
        if (v === 5) radio.setAttribute('aria-describedby', 'olark-ref-feedback-high');
        if (fb.answers[key] === v) radio.checked = true;
        var number = el('span', 'olark-ref__feedback-number');
        number.textContent = String(v);
        label.appendChild(radio);
        label.appendChild(number);
        options.appendChild(label);
      }
      scale.appendChild(low);
      scale.appendChild(options);
      scale.appendChild(high);
      fieldset.appendChild(scale);
    } else {
      text.textContent = str('feedback_survey_question_additional_feedback_text');
      var comment = el('textarea', 'olark-ref__field-input olark-ref__feedback-comment', {
        name: 'comments', rows: '3', maxlength: String(MAX_TEXT_LENGTH), 'aria-labelledby': 'olark-ref-feedback-text'
      });
      comment.value = fb.comments;
      fieldset.appendChild(comment);
    }
    body.appendChild(fieldset);
    ui.feedbackError.textContent = str('feedback_survey_submission_error_message');
    ui.feedbackNext.textContent = fb.submitting ? str('feedback_survey_button_submitting')
      : str(fb.index === FEEDBACK_LAST ? 'feedback_survey_button_finish' : 'feedback_survey_button_next');
  }

  // Next / Finish. Questions 1-4 need a rating; the 5th (free text) may stay empty.
  function submitFeedback() {
    var fb = feedback;
    if (!fb || fb.step !== 'form' || fb.submitting) return;
    var hadFocus = focusInside(ui.panel);
    if (fb.index < FEEDBACK_LAST) {
      var checked = ui.feedbackForm.querySelector('input[name="rating"]:checked');
      if (!checked) return; // no rating: the question stays
      fb.answers[FEEDBACK_QUESTIONS[fb.index]] = Number(checked.value);
      fb.index++;
      renderFeedbackQuestion();
      if (hadFocus) focusFeedback();
      return;
    }
    var comment = ui.feedbackForm.querySelector('textarea');
    fb.comments = comment ? comment.value.trim() : '';
    var answers = {};
    FEEDBACK_QUESTIONS.forEach(function (k) { answers[k] = fb.answers[k]; });
    answers.comments = fb.comments;
    fb.submitting = true;
    ui.feedbackError.hidden = true;
    ui.feedbackNext.disabled = true;
    ui.feedbackNext.textContent = str('feedback_survey_button_submitting');
    post('feedback', { answers: answers }, true).then(function (r) {
      if (feedback !== fb) return;
      fb.submitting = false;
      ui.feedbackNext.disabled = false;
      if (!r.ok) {
        warn('features.feedback: POST feedback failed (' + r.problem + ')');
        ui.feedbackError.hidden = false;
        ui.feedbackNext.textContent = str('feedback_survey_button_finish');
        return;
      }
      var focused = focusInside(ui.panel);
      fb.step = 'done';
      syncMode();
      if (focused || hadFocus) {
        if (!ui.form.hidden) {
          ui.input.focus();
        } else {
          ui.feedbackThanks.tabIndex = -1;
          ui.feedbackThanks.focus();
        }
      }
    });
  }

  // ---------------------------------------------------------------- chat

  function nonEmptyString(v) {
    return typeof v === 'string' && v !== '';
  }

  // Returns options.body if options is {body: non-empty string}, else warns and returns null.
  function bodyOption(name, options) {
    if (options !== null && typeof options === 'object' && nonEmptyString(options.body)) {
      return options.body;
    }
    warn(name + ' expects {body: string} with a non-empty body, got ' + describe(options) + '; ignored');
    return null;
  }

  function applyPresence(p) {
    if (p === null || typeof p !== 'object' || typeof p.available !== 'boolean') {
      warn('ignoring malformed presence ' + describe(p));
      return;
    }
    chat.nickname = nonEmptyString(p.nickname) ? p.nickname : null;
    if (p.available === chat.available) return;
    chat.available = p.available;
    syncMode();
    if (phase === 'ready') fire(chat.available ? callbacks.available : callbacks.away);
    rulesChanged();
  }

  function beginConversation() {
    if (chat.begun) return;
    chat.begun = true;
    syncConversation();
    track('conversation_started');
    fire(callbacks.begin);
  }

  function countUnread() {
    if (box.shown && box.expanded) return;
    chat.unread++;
    syncUnread();
  }

  // An operator message is shown: from the stream or from api.chat.sendMessageToVisitor.
  function operatorMessage(body, nickname) {
    chat.ended = false;
    chat.lastNickname = nickname;
    appendOperatorMessage(nickname, body);
    countUnread();
    beginConversation();
    fire(callbacks.toVisitor, function () { return { message: { body: body, nickname: nickname } }; });
    rulesChanged();
  }

  // The visitor typed a message (chat input).
  function sendToOperator(text) {
    var first = !chat.begun;
    chat.ended = false; // a new message starts the conversation again
    appendVisitorMessage(text);
    send('messages', { body: text });
    if (first) reportVisitorContext();
    beginConversation();
    track('message_sent');
    fire(callbacks.toOperator, function () { return { message: { body: text } }; });
    rulesChanged();
  }

  // system.give_location_to_operator (default on): each time the visitor arrives on a new
  // URL of the site, the operators get a notification naming the page. A reload of the
  // same URL is not a page change; the last URL is remembered per visitor.
  var LAST_URL_KEY = 'olark-ref:last-url';
  // How often a single-page application's widget tells the backend the visitor is there.
  var HEARTBEAT_MS = 60 * 1000;

  function reportPageChange() {
    var setting = eff('system.give_location_to_operator');
    var here = location.href;
    var last = null;
    try { last = localStorage.getItem(LAST_URL_KEY); } catch (e) { last = null; }
    try { localStorage.setItem(LAST_URL_KEY, here); } catch (e) { /* storage may be off */ }
    if (setting !== undefined && typeof setting !== 'boolean') {
      warn(origin('system.give_location_to_operator') + ' expects true or false, got ' + describe(setting) + '; reporting page changes');
    }
    if (setting === false || last === null || last === here) return;
    send('notifications', { body: 'Visitor navigated to ' + document.title + ' (' + here + ')' },
      'system.give_location_to_operator');
  }

  // The visitor context operators get when the visitor starts a chat, unless
  // system.disable_default_visitor_information is true.
  function reportVisitorContext() {
    if (isTrue(eff('system.disable_default_visitor_information'))) return;
    send('notifications', {
      body: 'Visitor information: on ' + document.title + ' (' + location.href + '), ' +
        (document.referrer ? 'referred by ' + document.referrer : 'no referrer')
    }, 'system.disable_default_visitor_information');
  }

  // The visitor submitted the offline form with valid fields.
  function sendOfflineMessage(name, email, body) {
    send('offline-messages', { name: name, email: email, body: body });
    chat.offlineSent = true;
    syncMode();
    fire(callbacks.offline, function () {
      return { message: { body: body, name: name, email: email } };
    });
  }

  // Restored conversation from POST page: rendered, no callbacks.
  function restoreTranscript(lines) {
    if (!Array.isArray(lines)) return;
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (line === null || typeof line !== 'object' || typeof line.body !== 'string') continue;
      if (line.kind === 'message') chat.begun = true;
      if (line.kind === 'message' && line.direction === 'to_operator') {
        appendVisitorMessage(line.body);
      } else if (line.kind === 'message' && line.direction === 'to_visitor') {
        var nick = nonEmptyString(line.author) ? line.author : DEFAULT_NICKNAME;
        chat.lastNickname = nick;
        appendOperatorMessage(nick, line.body);
      } else if (line.kind === 'notification' && line.direction === 'to_visitor') {
        appendNotification(line.body);
      }
      // Commands and notifications to operators are never shown to the visitor.
    }
  }

  // Returns the parsed data of a stream event, or null if it was already handled or
  // is malformed. Presence is state, not history: it is applied every time.
  function streamData(ev, dedupe) {
    var seq = ev.lastEventId === '' ? NaN : Number(ev.lastEventId);
    if (dedupe && Number.isFinite(seq) && seq <= chat.lastSeq) return null;
    var data;
    try { data = JSON.parse(ev.data); } catch (e) { data = undefined; }
    if (Number.isFinite(seq) && seq > chat.lastSeq) chat.lastSeq = seq;
    if (data === null || typeof data !== 'object') {
      warn('ignoring malformed ' + ev.type + ' event ' + describe(ev.data));
      return null;
    }
    return data;
  }

  function guarded(fn) {
    return function (ev) {
      try {
        fn(ev);
      } catch (e) {
        console.error(PREFIX + 'internal error handling a ' + ev.type + ' event:', e);
      }
    };
  }

  function openStream() {
    if (typeof window.EventSource !== 'function') {
      warn('EventSource is not available; operator messages will not arrive');
      return;
    }
    var source = new EventSource(backend.base + 'events?after=' + chat.lastSeq);
    chat.stream = source;
    source.addEventListener('presence', guarded(function (ev) {
      var d = streamData(ev, false);
      if (d) applyPresence(d);
    }));
    source.addEventListener('message', guarded(function (ev) {
      var d = streamData(ev, true);
      if (!d) return;
      if (typeof d.body !== 'string') {
        warn('ignoring message event without a body ' + describe(ev.data));
        return;
      }
      operatorMessage(d.body, nonEmptyString(d.nickname) ? d.nickname : DEFAULT_NICKNAME);
    }));
    source.addEventListener('notification', guarded(function (ev) {
      var d = streamData(ev, true);
      if (!d) return;
      if (typeof d.body !== 'string') {
        warn('ignoring notification event without a body ' + describe(ev.data));
        return;
      }
      appendNotification(d.body);
    }));
    source.addEventListener('ended', guarded(function (ev) {
      if (!streamData(ev, true)) return;
      conversationEnded();
    }));
    source.addEventListener('command', guarded(function (ev) {
      var d = streamData(ev, true);
      if (!d) return;
      var cmd = {
        name: typeof d.name === 'string' ? d.name : '',
        body: typeof d.body === 'string' ? d.body : ''
      };
      fire(callbacks.command, function () { return { command: { name: cmd.name, body: cmd.body } }; });
    }));
    source.addEventListener('error', function () {
      // The browser reconnects by itself (sending Last-Event-ID) unless it gave up.
      if (source.readyState === 2 && chat.stream === source) {
        chat.stream = null;
        warn('the chat event stream closed; operator messages will not arrive until the page is reloaded');
      }
    });
  }

  function chatRegister(kind, name) {
    return function (fn) {
      if (typeof fn !== 'function') {
        warn(name + ' expects a function, got ' + describe(fn) + '; ignored');
        return;
      }
      callbacks[kind].push(fn);
    };
  }

  function sendMessageToVisitor(options) {
    var body = bodyOption('api.chat.sendMessageToVisitor', options);
    if (body === null) return;
    var nickname = chat.nickname || chat.lastNickname || DEFAULT_NICKNAME;
    send('messages-to-visitor', { body: body, kind: 'message' });
    operatorMessage(body, nickname);
  }

  function sendNotificationToVisitor(options) {
    var body = bodyOption('api.chat.sendNotificationToVisitor', options);
    if (body === null) return;
    appendNotification(body);
    send('messages-to-visitor', { body: body, kind: 'notification' });
  }

  function sendNotificationToOperator(options) {
    var body = bodyOption('api.chat.sendNotificationToOperator', options);
    if (body === null) return;
    send('notifications', { body: body });
  }

  function setOperatorGroup(options) {
    if (options === null || typeof options !== 'object' || !nonEmptyString(options.group)) {
      warn('api.chat.setOperatorGroup expects {group: string} with a non-empty group id, got ' +
        describe(options) + '; ignored');
      return;
    }
    send('group', { group: options.group }).then(function (r) {
      if (r.ok) applyPresence(r.data);
    });
  }

  // ---------------------------------------------------------------- visitor

  function isOptions(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  }

  function isPlainObject(v) {
    if (!isOptions(v)) return false;
    var proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
  }

  // GET details, then callback(details), always asynchronously. No session or a failed
  // request: a warning and no callback. Every call asks the backend (no cache).
  function getDetails(callback) {
    var name = 'api.visitor.getDetails';
    if (typeof callback !== 'function') {
      warn(name + ' expects a function, got ' + describe(callback) + '; ignored');
      return;
    }
    if (!session) {
      warn(name + ': the widget has no chat backend session (it could not reach the backend at load); ' +
        'the callback will not be called');
      return;
    }
    get('details').then(function (r) {
      if (!r.ok) {
        warn(name + ': GET details failed (' + r.problem + '); the callback will not be called');
        return;
      }
      if (!isOptions(r.data)) {
        warn(name + ': unexpected answer ' + describe(r.data) + '; the callback will not be called');
        return;
      }
      safeCall(callback, [r.data]);
    });
  }

  // updateFullName / updateEmailAddress / updatePhoneNumber: {key: string} -> POST details {key}.
  function detailUpdate(name, key) {
    return function (options) {
      var value = isOptions(options) ? options[key] : undefined;
      if (typeof value !== 'string') {
        warn(name + ' expects {' + key + ': string}, got ' + describe(options) + '; ignored');
        return;
      }
      var payload = {};
      payload[key] = value;
      send('details', payload, name);
      rulesChanged();
    };
  }

  function updateCustomFields(fields) {
    var name = 'api.visitor.updateCustomFields';
    if (!isPlainObject(fields)) {
      warn(name + ' expects an object of custom fields, got ' + describe(fields) + '; ignored');
      return;
    }
    var copy = Object.create(null);
    var keys = Object.keys(fields);
    for (var i = 0; i < keys.length; i++) {
      if (keys[i].trim() === '') {
        warn(name + ': custom field name ' + describe(keys[i]) + ' is blank; the call is ignored');
        return;
      }
      var value = fields[keys[i]];
      var t = typeof value;
      if (!(value === null || t === 'string' || t === 'boolean' || (t === 'number' && Number.isFinite(value)))) {
        warn(name + ': custom field ' + describe(keys[i]) + ' has the value ' + describe(value) +
          '; values must be strings, finite numbers, booleans or null; the call is ignored');
        return;
      }
      copy[keys[i]] = value;
    }
    send('details', { customFields: copy }, name);
    rulesChanged();
  }

  function updateVisitorNickname(options) {
    var name = 'api.chat.updateVisitorNickname';
    if (!isOptions(options) || typeof options.snippet !== 'string' ||
        (options.hidesDefault !== undefined && typeof options.hidesDefault !== 'boolean')) {
      warn(name + ' expects {snippet: string, hidesDefault?: boolean}, got ' + describe(options) + '; ignored');
      return;
    }
    var payload = { snippet: options.snippet };
    if (options.hidesDefault !== undefined) payload.hidesDefault = options.hidesDefault;
    send('nickname', payload, name);
    rulesChanged();
  }

  // A snippet is a string or an array of strings; returns a copy, or undefined if bad.
  function statusSnippet(v) {
    if (typeof v === 'string') return v;
    if (!Array.isArray(v)) return undefined;
    var out = [];
    for (var i = 0; i < v.length; i++) {
      if (typeof v[i] !== 'string') return undefined;
      out.push(v[i]);
    }
    return out;
  }

  // {snippet: string | [string]}; a bare string or array (a common mistake) is the snippet.
  function updateVisitorStatus(options) {
    var name = 'api.chat.updateVisitorStatus';
    var snippet = isOptions(options) ? statusSnippet(options.snippet) : statusSnippet(options);
    if (snippet === undefined) {
      warn(name + ' expects {snippet: string or array of strings}, got ' + describe(options) + '; ignored');
      return;
    }
    send('status', { snippet: snippet }, name);
    rulesChanged();
  }

  // ---------------------------------------------------------------- Targeted Chat rules

  // api.rules.defineRule. Rules are kept by id (defining an id again replaces the rule)
  // and checked in the order they were first defined, after every relevant change: the
  // page load, a definition, a message either way, a visitor detail update, operator
  // presence, and a tick every RULES_TICK_MS (time-based conditions such as
  // secondsSinceLastMessage). Changes made by a rule's own action trigger no check, so
  // an action that sends a message cannot loop. See README.md for the limits.
  var RULES_TICK_MS = 5000;
  var RULES_KEY = 'olark-ref:rules';
  var RULE_LIMITS = [
    ['page', 'perPage', 'perpage'],
    ['visit', 'perVisit', 'pervisit'],
    ['visitor', 'perVisitor', 'pervisitor']
  ];
  var rules = {
    list: [],                    // the rules of this page, in definition order
    pending: false,              // a check is scheduled
    acting: 0,                   // > 0 while an action runs
    visit: 0,                    // the backend's visit number from POST page (0: unknown)
    ranThisPage: Object.create(null),
    memory: null                 // {visitor, visit: {id: n}, ever: {id: true}}, see rulesMemory
  };

  // What earlier pages remembered about rules that ran: the visit each rule last ran in
  // and whether it ever ran, for this visitor id. Storage may be unavailable: then only
  // this page remembers.
  function rulesMemory() {
    if (rules.memory !== null) return rules.memory;
    var stored = null;
    try { stored = JSON.parse(window.localStorage.getItem(RULES_KEY) || 'null'); } catch (e) { stored = null; }
    var mine = isOptions(stored) && stored.visitor === visitor;
    // Tables without a prototype: a rule id is any string, "__proto__" included.
    function table(key) {
      var t = Object.create(null);
      var from = mine && isOptions(stored[key]) ? stored[key] : {};
      Object.keys(from).forEach(function (id) { t[id] = from[id]; });
      return t;
    }
    rules.memory = { visitor: visitor, visit: table('visit'), ever: table('ever') };
    return rules.memory;
  }

  function ruleRan(rule) {
    rules.ranThisPage[rule.id] = true;
    var memory = rulesMemory();
    memory.visit[rule.id] = rules.visit;
    memory.ever[rule.id] = true;
    try { window.localStorage.setItem(RULES_KEY, JSON.stringify(memory)); } catch (e) { /* this page remembers */ }
  }

  // Whether the rule's limits forbid running its action again.
  function ruleSpent(rule) {
    var memory = rulesMemory();
    return (rule.limits.page && rules.ranThisPage[rule.id] === true) ||
      (rule.limits.visit && memory.visit[rule.id] === rules.visit) ||
      (rule.limits.visitor && memory.ever[rule.id] === true);
  }

  function defineRule(options) {
    var name = 'api.rules.defineRule';
    if (!isOptions(options)) {
      warn(name + ' expects {id, description, condition, action, perPage | perVisit | perVisitor}, got ' +
        describe(options) + '; ignored');
      return;
    }
    var id = typeof options.id === 'number' && Number.isFinite(options.id) ? String(options.id) : options.id;
    if (!nonEmptyString(id)) {
      warn(name + ' expects a non-empty string id, got ' + describe(options.id) + '; the rule is ignored');
      return;
    }
    var missing = ['condition', 'action'].filter(function (k) { return typeof options[k] !== 'function'; });
    if (missing.length !== 0) {
      warn(name + ': rule ' + describe(id) + ' needs ' + missing.join(' and ') + ' function(s), got ' +
        missing.map(function (k) { return k + ' ' + describe(options[k]); }).join(', ') + '; the rule is ignored');
      return;
    }
    var limits = {};
    RULE_LIMITS.forEach(function (l) { limits[l[0]] = !!(options[l[1]] || options[l[2]]); });
    var rule = {
      id: id,
      description: typeof options.description === 'string' ? options.description : '',
      condition: options.condition,
      action: options.action,
      limits: limits
    };
    var at = rules.list.findIndex(function (r) { return r.id === id; });
    if (at === -1) rules.list.push(rule); else rules.list[at] = rule;
    scheduleRules();
  }

  // Something relevant changed: check the rules soon (once for a burst of changes).
  function rulesChanged() {
    if (rules.acting === 0) scheduleRules();
  }

  function scheduleRules() {
    if (phase !== 'ready' || rules.pending || rules.list.length === 0) return;
    rules.pending = true;
    Promise.resolve().then(checkRules);
  }

  function checkRules() {
    rules.pending = false;
    rules.list.slice().forEach(function (rule) {
      if (!ruleSpent(rule)) checkRule(rule);
    });
  }

  function ruleName(rule) {
    return 'rule ' + describe(rule.id) + (rule.description !== '' ? ' (' + rule.description + ')' : '');
  }

  // One check of one rule. pass() may come later (from a getDetails callback); the
  // first call runs the action if the rule is still defined as it was and its limits
  // allow; further calls of the same pass() do nothing.
  function checkRule(rule) {
    var passed = false;
    function pass() {
      if (passed) return;
      passed = true;
      if (rules.list.indexOf(rule) === -1 || ruleSpent(rule)) return;
      ruleRan(rule);
      rules.acting++;
      try {
        rule.action();
      } catch (e) {
        error('api.rules.defineRule: the action of ' + ruleName(rule) + ' threw ' + describe(String(e)));
        report(e);
      } finally {
        rules.acting--;
      }
    }
    try {
      rule.condition(pass);
    } catch (e) {
      error('api.rules.defineRule: the condition of ' + ruleName(rule) + ' threw ' + describe(String(e)) +
        '; the other rules are still checked');
      report(e);
    }
  }

  // ---------------------------------------------------------------- configure / identify / extend

  function doConfigure(key, value) {
    if (typeof key !== 'string' || key === '') {
      warn('configure expects a string key, got ' + describe(key) + '; ignored');
      return;
    }
    var isLocaleKey = key.indexOf('locale.') === 0;
    if (isLocaleKey && typeof value !== 'string') {
      warn('configure ' + describe(key) + ' expects a string, got ' + describe(value) + '; ignored');
      return;
    }
    config[key] = value;
    if (isLocaleKey) {
      localeOverrides[key.slice('locale.'.length)] = value;
      applyStrings(); // no-op before render; updates text afterwards
      return;
    }
    if (phase === 'ready' || phase === 'dead') {
      warn('configure ' + describe(key) + ' after the widget has loaded is stored but only applies at load');
    }
  }

  function doIdentify(id) {
    if (typeof id !== 'string' || id === '') {
      warn('identify expects a non-empty site id string, got ' + describe(id) + '; ignored');
      return;
    }
    if (phase === 'loading' && siteId === null) {
      siteId = id;
      return;
    }
    if (id === siteId) return;
    if (phase === 'loading') {
      warn('identify called again with a different site id ' + describe(id) +
        ' (was ' + describe(siteId) + '); using the last one');
      siteId = id;
      return;
    }
    warn('identify ' + describe(id) + ' ignored: ' + (siteId === null
      ? 'the widget did not load because no site id was identified at load'
      : phase === 'dead' ? 'the widget did not load (' + deadReason + ')'
        : 'the widget is already loaded for site id ' + describe(siteId)));
  }

  function doExtend(name, fn) {
    if (typeof name !== 'string' || name === '') {
      warn('extend expects a string name, got ' + describe(name) + '; ignored');
      return;
    }
    // Legacy pages call olark.extend('GoogleAnalytics') with no function to switch on a
    // built-in extension; that form is accepted silently (a name, nothing to run).
    if (fn !== undefined && typeof fn !== 'function') {
      warn('extend ' + describe(name) + ' expects a function, got ' + describe(fn) + '; ignored');
      return;
    }
    extensions[name] = fn || null;
  }

  // ---------------------------------------------------------------- dispatch

  var API = Object.create(null);
  API['api.box.show'] = function () { boxShow(); };
  API['api.box.hide'] = function () { boxHide(); };
  API['api.box.expand'] = function () { boxExpand(); };
  API['api.box.shrink'] = function () { boxShrink(); };
  API['api.box.setLocale'] = function (locale) { setLocale(locale, 'api.box.setLocale', true); };
  API['api.box.onShow'] = register('show', 'api.box.onShow');
  API['api.box.onHide'] = register('hide', 'api.box.onHide');
  API['api.box.onExpand'] = register('expand', 'api.box.onExpand');
  API['api.box.onShrink'] = register('shrink', 'api.box.onShrink');
  API['api.chat.onReady'] = onReady;
  API['api.chat.onOperatorsAvailable'] = chatRegister('available', 'api.chat.onOperatorsAvailable');
  API['api.chat.onOperatorsAway'] = chatRegister('away', 'api.chat.onOperatorsAway');
  API['api.chat.onBeginConversation'] = chatRegister('begin', 'api.chat.onBeginConversation');
  API['api.chat.onMessageToOperator'] = chatRegister('toOperator', 'api.chat.onMessageToOperator');
  API['api.chat.onMessageToVisitor'] = chatRegister('toVisitor', 'api.chat.onMessageToVisitor');
  API['api.chat.onCommandFromOperator'] = chatRegister('command', 'api.chat.onCommandFromOperator');
  API['api.chat.onOfflineMessageToOperator'] =
    chatRegister('offline', 'api.chat.onOfflineMessageToOperator');
  API['api.chat.sendMessageToVisitor'] = sendMessageToVisitor;
  API['api.chat.sendNotificationToVisitor'] = sendNotificationToVisitor;
  API['api.chat.sendNotificationToOperator'] = sendNotificationToOperator;
  API['api.chat.setOperatorGroup'] = setOperatorGroup;
  API['api.chat.updateVisitorNickname'] = updateVisitorNickname;
  API['api.chat.updateVisitorStatus'] = updateVisitorStatus;
  API['api.visitor.getDetails'] = getDetails;
  API['api.visitor.updateFullName'] = detailUpdate('api.visitor.updateFullName', 'fullName');
  API['api.visitor.updateEmailAddress'] = detailUpdate('api.visitor.updateEmailAddress', 'emailAddress');
  API['api.visitor.updatePhoneNumber'] = detailUpdate('api.visitor.updatePhoneNumber', 'phoneNumber');
  API['api.visitor.updateCustomFields'] = updateCustomFields;
  API['api.rules.defineRule'] = defineRule;

  // Names handled without waiting for the widget to be ready.
  var LOAD_CALLS = Object.create(null);
  LOAD_CALLS.configure = doConfigure;
  LOAD_CALLS.identify = doIdentify;

  // Execute one call now (widget ready).
  function execute(name, args) {
    if (typeof name === 'string' && hasOwn(LOAD_CALLS, name)) {
      LOAD_CALLS[name].apply(undefined, args);
    } else if (name === 'extend') {
      doExtend(args[0], args[1]);
    } else if (typeof name === 'string' && hasOwn(API, name)) {
      API[name].apply(undefined, args);
    } else {
      warn('unknown API call ' + describe(name));
    }
  }

  // Entry point for every live call.
  function call(name, args) {
    try {
      if (typeof name === 'string' && hasOwn(LOAD_CALLS, name)) {
        LOAD_CALLS[name].apply(undefined, args);
        return;
      }
      if (phase === 'ready') {
        execute(name, args);
      } else if (phase === 'dead') {
        if (name === 'extend' || (typeof name === 'string' && hasOwn(API, name))) {
          warn('call ' + describe(name) + ' ignored: the widget did not load (' + deadReason + ')');
        } else {
          warn('unknown API call ' + describe(name));
        }
      } else {
        pendingLive.push([name].concat(args));
      }
    } catch (e) {
      // Internal failure; olark(...) must never throw.
      console.error(PREFIX + 'internal error handling ' + describe(name) + ':', e);
    }
  }

  // ---------------------------------------------------------------- live API

  var live = function olark(name) {
    call(name, Array.prototype.slice.call(arguments, 1));
  };
  live.configure = function configure(key, value) { call('configure', [key, value]); };
  live.identify = function identify(id) { call('identify', [id]); };
  live.extend = function extend(name, fn) { call('extend', [name, fn]); };
  live._ = stubState;
  Object.defineProperty(live, LIVE_MARK, { value: true });

  // ---------------------------------------------------------------- queue

  var rawQueue = stubState.s;
  var queue = [];
  var rawLength = 0;
  if (rawQueue !== undefined && rawQueue !== null) {
    try { rawLength = rawQueue.length; } catch (e) { rawLength = NaN; }
    if (typeof rawLength !== 'number' || !Number.isInteger(rawLength) || rawLength < 0) {
      warn('ignoring malformed call queue olark._.s');
      rawLength = 0;
    }
  }
  for (var qi = 0; qi < rawLength; qi++) {
    var raw;
    try { raw = rawQueue[qi]; } catch (e) { raw = undefined; }
    var entry = normalizeEntry(raw);
    if (entry === null) {
      warn('ignoring malformed queued call #' + qi + ': ' + describe(raw));
      continue;
    }
    queue.push(entry);
  }

  window.olark = live;

  // ---------------------------------------------------------------- appearance

  // Effective configuration: the site's settings (from POST page), overridden key by key
  // by the page's own configure values.
  function eff(key) {
    if (hasOwn(config, key)) return config[key];
    if (hasOwn(settings, key)) return settings[key];
    return undefined;
  }

  // Where an effective value came from, for warnings.
  function origin(key) {
    return (hasOwn(config, key) ? 'configure ' : 'site setting ') + describe(key);
  }

  var HEX_RE = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
  var DARK_TEXT = '#1d2329';
  var DEFAULT_FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  var GENERIC_FONTS = ['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui',
    'ui-serif', 'ui-sans-serif', 'ui-monospace', 'ui-rounded', 'math', 'emoji', 'fangsong'];
  var SIZES = ['sm', 'md', 'lg', 'dr'];
  var MOBILE_MAX_WIDTH = 600; // a viewport narrower than this is "mobile"

  function hexRgb(hex) {
    var h = hex.slice(1);
    if (h.length === 3) h = h[0] + h[0] + h[1] + h[1] + h[2] + h[2];
    return [0, 2, 4].map(function (i) { return parseInt(h.slice(i, i + 2), 16); });
  }

  function luminance(rgb) {
    var c = rgb.map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  // Text colour with the better contrast on a background colour.
  function onColor(rgb) {
    return contrast(rgb, [255, 255, 255]) >= contrast(rgb, hexRgb(DARK_TEXT)) ? '#ffffff' : DARK_TEXT;
  }

  // The hover shade: darker, or lighter for very dark colours.
  function hoverShade(rgb) {
    var dark = luminance(rgb) < 0.03;
    return 'rgb(' + rgb.map(function (v) {
      return Math.round(dark ? v + (255 - v) * 0.2 : v * 0.82);
    }).join(', ') + ')';
  }

  // A hex colour value: '' / null / undefined mean "default" (null is returned); any other
  // non-hex value is warned about and also gives null.
  function hexOption(value, what) {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'string' && HEX_RE.test(value)) return value;
    warn(what + ' expects a hex colour such as "#744da8", got ' + describe(value) + '; keeping the default');
    return null;
  }

  // One font family name for CSS: generic families as keywords, every other name quoted.
  function cssFontName(name) {
    var n = name.trim();
    if (GENERIC_FONTS.indexOf(n.toLowerCase()) !== -1) return n.toLowerCase();
    // Control characters are dropped; backslashes and quotes escaped for a CSS string.
    n = n.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    return '"' + n + '"';
  }

  function isTrueOption(key) {
    return isTrue(eff(key));
  }

  // CalloutBubble.bubble_width / bubble_height: a positive number or numeric string (px).
  function pixelOption(key) {
    var v = eff(key);
    if (v === undefined || v === null || v === '') return null;
    var n = typeof v === 'number' ? v
      : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*(px)?\s*$/i.test(v) ? parseFloat(v) : NaN;
    if (!Number.isFinite(n) || n <= 0) {
      warn(origin(key) + ' expects a number of pixels, got ' + describe(v) + '; using the default size');
      return null;
    }
    return Math.round(n);
  }

  function urlOption(key) {
    var v = eff(key);
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string') {
      warn(origin(key) + ' expects an image URL string, got ' + describe(v) + '; using the default image');
      return null;
    }
    return v;
  }

  // Resolves a file shipped next to the loader (widget.css, grabber images).
  function assetUrl(file) {
    var base = loaderUrl();
    try {
      return new URL(file, base ? new URL(base, document.baseURI) : document.baseURI).href;
    } catch (e) {
      return '/jsclient/' + file;
    }
  }

  // Reads every appearance key from the effective configuration (warning about bad values)
  // and returns what render() applies.
  function appearance() {
    var a = {
      left: false, tab: false, color: null, disableMobile: false, detached: false, dark: false,
      fonts: null, hard: false, secondary: null, size: 'md', rtl: false, buttonText: false,
      inline: false, grabber: null, externalSameWindow: false
    };
    // system.chat_does_not_follow_external_links: links to other hosts in operator
    // messages open in the same window (the visitor leaves the site).
    a.externalSameWindow = isTrueOption('system.chat_does_not_follow_external_links');

    var pos = eff('system.hb_position');
    if (pos === 'left') {
      a.left = true;
    } else if (pos !== undefined && pos !== null && pos !== 'right') {
      warn(origin('system.hb_position') + ' expects "right" or "left", got ' + describe(pos) + '; keeping right');
    }

    a.tab = isTrueOption('system.hb_show_as_tab');
    a.color = hexOption(eff('system.hb_primary_color'), origin('system.hb_primary_color'));
    a.disableMobile = isTrueOption('system.hb_disable_mobile');
    a.detached = isTrueOption('system.hb_detached');
    a.dark = isTrueOption('system.hb_dark_theme');
    a.rtl = isTrueOption('system.right_to_left');
    a.buttonText = isTrueOption('system.hb_show_button_text');

    var size = eff('system.hb_chatbox_size');
    if (typeof size === 'string' && SIZES.indexOf(size) !== -1) {
      a.size = size;
    } else if (size !== undefined && size !== null) {
      warn(origin('system.hb_chatbox_size') + ' expects "sm", "md", "lg" or "dr", got ' + describe(size) + '; keeping md');
    }

    var style = eff('system.hb_custom_style');
    var styleKey = origin('system.hb_custom_style');
    if (style !== undefined && style !== null) {
      if (!isOptions(style)) {
        warn(styleKey + ' expects an object like {general: {fonts, corners, secondaryColor}}, got ' +
          describe(style) + '; ignored');
      } else if (style.general !== undefined && style.general !== null && !isOptions(style.general)) {
        warn(styleKey + ': general expects an object {fonts, corners, secondaryColor}, got ' +
          describe(style.general) + '; ignored');
      } else if (isOptions(style.general)) {
        var g = style.general;
        a.secondary = hexOption(g.secondaryColor, styleKey + ': general.secondaryColor');
        if (g.corners === 'hard') {
          a.hard = true;
        } else if (g.corners !== undefined && g.corners !== null && g.corners !== '' && g.corners !== 'soft') {
          warn(styleKey + ': general.corners expects "soft" or "hard", got ' + describe(g.corners) + '; keeping soft');
        }
        if (Array.isArray(g.fonts)) {
          var names = [];
          for (var i = 0; i < g.fonts.length; i++) {
            var f = g.fonts[i];
            if (typeof f === 'string' && f.trim() !== '') {
              names.push(cssFontName(f));
            } else if (typeof f !== 'string') {
              warn(styleKey + ': general.fonts expects font names (strings), got ' + describe(f) + ' in the list; skipped');
            }
          }
          if (names.length !== 0) a.fonts = names.join(', ') + ', ' + DEFAULT_FONT_STACK;
        } else if (g.fonts !== undefined && g.fonts !== null && g.fonts !== '') {
          warn(styleKey + ': general.fonts expects an array of font names, got ' + describe(g.fonts) + '; ignored');
        }
      }
    }

    if (isTrueOption('box.inline')) {
      if (document.getElementById('olark-box-container')) {
        a.inline = true;
      } else {
        warn(origin('box.inline') + ': no element with id "olark-box-container" on the page; ' +
          'showing the chatbox in the corner instead');
      }
    }

    if (isTrueOption('features.attention_grabber')) {
      a.grabber = {
        online: urlOption('CalloutBubble.bubble_image_url') || assetUrl('grabber.svg'),
        offline: urlOption('CalloutBubble.bubble_image_url_offline') || assetUrl('grabber-offline.svg'),
        width: pixelOption('CalloutBubble.bubble_width'),
        height: pixelOption('CalloutBubble.bubble_height'),
        slide: isTrueOption('CalloutBubble.slide')
      };
    }
    return a;
  }

  // hb_disable_mobile: on a narrow viewport the widget is not displayed at all.
  function mobileBlocked() {
    return !!look && look.disableMobile && window.innerWidth < MOBILE_MAX_WIDTH;
  }

  // Applies the appearance to the root: modifier classes for the layout, and custom
  // properties for values that come from the configuration (colours, fonts).
  function applyAppearance(root) {
    var a = look;
    root.classList.add('olark-ref--' + a.size);
    root.classList.toggle('olark-ref--left', a.left);
    root.classList.toggle('olark-ref--tab', a.tab);
    root.classList.toggle('olark-ref--detached', a.detached);
    root.classList.toggle('olark-ref--dark', a.dark);
    root.classList.toggle('olark-ref--hard', a.hard);
    root.classList.toggle('olark-ref--text', a.buttonText);
    root.classList.toggle('olark-ref--inline', a.inline);
    root.setAttribute('dir', a.rtl ? 'rtl' : 'ltr');
    if (a.color) {
      var rgb = hexRgb(a.color);
      root.style.setProperty('--olark-ref-color', a.color);
      root.style.setProperty('--olark-ref-color-hover', hoverShade(rgb));
      root.style.setProperty('--olark-ref-on-color', onColor(rgb));
    }
    if (a.secondary) {
      root.style.setProperty('--olark-ref-visitor-bg', a.secondary);
      root.style.setProperty('--olark-ref-visitor-text', onColor(hexRgb(a.secondary)));
    }
    if (a.fonts) root.style.setProperty('--olark-ref-font', a.fonts);
  }

  // ---------------------------------------------------------------- mount

  // Where the widget's own DOM lives (README "Mounts"), from data-mount on this script:
  //  - 'document' (default): #olark-ref is appended to the page (document.body, or
  //    #olark-box-container with box.inline) and widget.css is a <link> in the page's head.
  //  - 'shadow': #olark-ref is in the open shadow root of div#olark-ref-host (display:
  //    contents, placed where the root would go), with the <link> in the shadow root.
  //  - 'iframe': #olark-ref is in the document of iframe#olark-ref-frame, a same-origin
  //    srcdoc frame the widget writes itself, with the <link> in that document's head.
  // The DOM under #olark-ref is the same in every mount. What belongs to the page (cookies,
  // title, referrer, URL, #olark-box-container, DOMContentLoaded, the viewport width of
  // hb_disable_mobile) is always read from the page's own document and window.
  var MOUNT_MODES = ['document', 'shadow', 'iframe'];
  var mount = {
    mode: 'document',
    inline: false,    // the host or frame is in #olark-box-container (decided in openMount)
    shadow: null,     // shadow: the ShadowRoot of #olark-ref-host
    frame: null,      // iframe: #olark-ref-frame
    clip: null,       // iframe: the clip-path last set on the frame
    animating: false, // iframe: the clip follows an animation frame by frame
    pending: false,   // iframe: nextFrame() is scheduled
    focused: null     // iframe: the element that last got the focus in the frame
  };
  // The document that creates every node of the widget: the frame's in iframe mode, so no
  // node of the widget is ever adopted from another document.
  var dom = document;

  if (typeof mountAttr === 'string' && MOUNT_MODES.indexOf(mountAttr) !== -1) {
    mount.mode = mountAttr;
  } else if (mountAttr !== undefined) {
    warn('unknown data-mount ' + describe(mountAttr) + ' on the loader script (expected "document", ' +
      '"shadow" or "iframe"); rendering into the document');
  }

  // A <link> in a shadow root or frame only loads once it is in the page, and a frame
  // reloads (losing its document) whenever it is moved, so the host or frame is made in its
  // final place once that is known (box.inline from the effective configuration), then
  // widget.css is loaded into it; done() runs when it loaded or failed, as in document
  // mode (where the stylesheet loaded alongside POST page and done() runs at once).
  function openMount(done) {
    if (mount.mode === 'document') {
      done();
      return;
    }
    var container = isTrue(eff('box.inline')) ? document.getElementById('olark-box-container') : null;
    mount.inline = !!container;
    var place = container || document.body;
    if (mount.mode === 'shadow') {
      var host = document.createElement('div');
      if (typeof host.attachShadow !== 'function') {
        mountFallback('this browser has no shadow DOM', done);
        return;
      }
      host.id = 'olark-ref-host';
      host.style.setProperty('display', 'contents'); // the host adds no box of its own
      mount.shadow = host.attachShadow({ mode: 'open' });
      place.appendChild(host);
      loadCss(mount.shadow, done);
      return;
    }
    openFrame(place, function (problem) {
      if (problem) {
        mountFallback('the widget frame ' + problem, done);
        return;
      }
      loadCss(dom.head, done);
    });
  }

  // The shadow root or frame could not be made: render into the document after all.
  function mountFallback(why, done) {
    error('could not mount the widget in ' + (mount.mode === 'shadow' ? 'a shadow root' : 'an iframe') +
      ' (' + why + '); rendering into the document');
    if (mount.frame && mount.frame.parentNode) mount.frame.parentNode.removeChild(mount.frame);
    mount.mode = 'document';
    mount.frame = null;
    dom = document;
    loadCss(document.head || document.documentElement, done);
  }

  // Appends the rendered root to its mount.
  function attachRoot(root, container) {
    if (mount.shadow) {
      mount.shadow.appendChild(root);
    } else if (mount.frame) {
      dom.body.appendChild(root);
      watchFrame();
    } else {
      (container || document.body).appendChild(root);
    }
  }

  // Whether the focus is inside `node` (part of the widget): the active element is the one
  // of the node's own root (the document, the shadow root or the frame's document); in a
  // frame it only counts while the frame itself has the page's focus.
  function focusInside(node) {
    if (mount.frame && document.activeElement !== mount.frame) return false;
    return node.contains(node.getRootNode().activeElement);
  }

  // ------------------------------------------------ iframe mount

  // Links without a target (system.chat_does_not_follow_external_links) must open in the
  // page's window, as in the other mounts, not in the frame.
  var FRAME_SRCDOC = '<!DOCTYPE html><html><head><base target="_parent"></head><body></body></html>';
  // The frame's own box (set !important, so the page's iframe rules cannot move it). A
  // corner widget's frame covers the viewport, so the frame's viewport is the page's and the
  // widget's fixed layout inside is unchanged; its clip-path (syncFrame) leaves only the
  // widget's area painted and clickable. An inline frame fills the container's width and is
  // as tall as the widget.
  var FRAME_STYLE = [['display', 'block'], ['margin', '0'], ['padding', '0'], ['border', '0'],
    ['background', 'transparent'], ['max-width', 'none'], ['max-height', 'none'],
    ['min-width', '0'], ['min-height', '0']];
  var FRAME_FIXED_STYLE = [['position', 'fixed'], ['top', '0'], ['right', '0'], ['bottom', '0'],
    ['left', '0'], ['width', '100%'], ['height', '100%'], ['z-index', '2147483000'],
    ['clip-path', 'inset(50%)']];
  var FRAME_INLINE_STYLE = [['position', 'static'], ['width', '100%'], ['height', '0px']];

  function setStyles(node, list) {
    list.forEach(function (p) { node.style.setProperty(p[0], p[1], 'important'); });
  }

  // Makes the frame in `place`; done() gets null once its srcdoc document is there (not the
  // initial about:blank, which Firefox replaces asynchronously), or why it failed.
  function openFrame(place, done) {
    var frame = document.createElement('iframe');
    var finished = false;
    var timer = null;
    function finish(problem) {
      if (finished) return;
      finished = true;
      if (timer !== null) clearTimeout(timer);
      done(problem);
    }
    frame.id = 'olark-ref-frame';
    frame.setAttribute('title', str('welcome_title'));
    setStyles(frame, FRAME_STYLE);
    setStyles(frame, mount.inline ? FRAME_INLINE_STYLE : FRAME_FIXED_STYLE);
    frame.addEventListener('load', function () {
      var d;
      try { d = frame.contentDocument; } catch (e) { d = null; }
      if (finished || !d || d.URL !== 'about:srcdoc' || !d.body) return;
      prepareFrameDocument(frame, d);
      finish(null);
    });
    // The same safety timeout as the stylesheet's.
    timer = setTimeout(function () { finish('did not load'); }, CSS_TIMEOUT_MS);
    frame.setAttribute('srcdoc', FRAME_SRCDOC);
    mount.frame = frame;
    place.appendChild(frame);
  }

  // The frame's document shows nothing of its own: no margin, no background, no scrollbars.
  function prepareFrameDocument(frame, d) {
    [d.documentElement, d.body].forEach(function (n) {
      n.style.setProperty('margin', '0');
      n.style.setProperty('padding', '0');
      n.style.setProperty('background', 'transparent');
      n.style.setProperty('overflow', 'hidden');
    });
    // A frame whose color-scheme differs from its element's is painted opaque.
    var scheme = '';
    try { scheme = window.getComputedStyle(frame).colorScheme || ''; } catch (e) { scheme = ''; }
    if (scheme !== '') d.documentElement.style.setProperty('color-scheme', scheme);
    d.documentElement.setAttribute('lang', currentLocale);
    dom = d;
  }

  // The frame's accessible name and language follow the widget's strings.
  function syncFrameStrings() {
    if (!mount.frame) return;
    mount.frame.setAttribute('title', str('welcome_title'));
    dom.documentElement.setAttribute('lang', currentLocale);
  }

  // Keeps the frame's clip (corner) or height (inline) in step with the widget: on every
  // change of the widget's DOM, size or focus, on resize, and on every animation frame while
  // something animates in the frame.
  function watchFrame() {
    var win = mount.frame.contentWindow;
    var root = ui.root;
    new win.MutationObserver(function () {
      syncFrame();
      animateFrame();
      nextFrame();
    }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    if (typeof win.ResizeObserver === 'function') {
      var sizes = new win.ResizeObserver(function () { syncFrame(); });
      sizes.observe(root);
      for (var c = root.firstElementChild; c; c = c.nextElementSibling) sizes.observe(c);
    }
    win.addEventListener('resize', function () { syncFrame(); });
    ['animationstart', 'transitionrun'].forEach(function (type) {
      dom.addEventListener(type, function () { animateFrame(); }, true);
    });
    var settled = ['animationend', 'animationcancel', 'transitionend', 'transitioncancel', 'focusin', 'focusout'];
    settled.forEach(function (type) {
      dom.addEventListener(type, function (ev) {
        if (ev.type === 'focusin') mount.focused = ev.target;
        syncFrame();
        nextFrame();
      }, true);
    });
    syncFrame();
    animateFrame();
  }

  // Once per animation frame after a change: the clip again (a hidden element loses its
  // focus ring only then), and releaseFrameFocus.
  function nextFrame() {
    var win = mount.frame && mount.frame.contentWindow;
    if (!win || mount.pending) return;
    mount.pending = true;
    win.requestAnimationFrame(function () {
      mount.pending = false;
      syncFrame();
      releaseFrameFocus();
    });
  }

  // The element that had the focus in the frame was hidden or removed (api.box.hide, the
  // launcher while expanding): in the document the focus would fall back to the page's body,
  // but here the frame keeps the page's focus with nothing in it focused, so give it back to
  // the page and the page's own keys work again. (A press on text in the panel also leaves
  // the frame's body focused; that stays, so a selection there can still be copied.)
  function releaseFrameFocus() {
    var frame = mount.frame;
    var last = mount.focused;
    if (frame && last && document.activeElement === frame &&
        (!dom.activeElement || dom.activeElement === dom.body) &&
        (!last.isConnected || last.getClientRects().length === 0)) {
      mount.focused = null;
      frame.blur();
    }
  }

  function frameAnimating() {
    if (typeof dom.getAnimations !== 'function') return false;
    return dom.getAnimations().some(function (a) { return a.pending || a.playState === 'running'; });
  }

  function animateFrame() {
    var win = mount.frame && mount.frame.contentWindow;
    if (!win || mount.animating || !frameAnimating()) return;
    mount.animating = true;
    win.requestAnimationFrame(function step() {
      syncFrame();
      if (mount.frame && mount.frame.contentWindow && frameAnimating()) {
        mount.frame.contentWindow.requestAnimationFrame(step);
      } else {
        mount.animating = false;
      }
    });
  }

  // Corner widget: the frame is clipped to the union of the boxes of the root's displayed
  // children (launcher, panel, grabber), so the rest of the page stays visible and
  // clickable; with nothing displayed, to nothing. Inline: the frame is as tall as the
  // widget.
  function syncFrame() {
    var frame = mount.frame;
    if (!frame || !ui || !dom.body) return;
    if (mount.inline) {
      var height = Math.ceil(dom.body.getBoundingClientRect().height) + 'px';
      if (frame.style.getPropertyValue('height') !== height) frame.style.setProperty('height', height, 'important');
      return;
    }
    var win = frame.contentWindow;
    var box = null;
    for (var c = ui.root.firstElementChild; c; c = c.nextElementSibling) box = unite(box, paintedBox(c, win));
    var clip = 'inset(50%)';
    if (box) {
      var view = dom.documentElement;
      clip = 'inset(' + [box.top, view.clientWidth - box.right, view.clientHeight - box.bottom, box.left]
        .map(function (v) { return Math.max(0, Math.floor(v)) + 'px'; }).join(' ') + ')';
    }
    if (clip !== mount.clip) {
      mount.clip = clip;
      frame.style.setProperty('clip-path', clip, 'important');
    }
  }

  // The box a displayed element paints and takes clicks in: its border box, its outline
  // (the focus ring) and descendants sticking out of it (the unread badge) unless it clips
  // them. null when it is not displayed.
  function paintedBox(node, win) {
    if (node.getClientRects().length === 0) return null;
    var r = node.getBoundingClientRect();
    var box = r.width === 0 && r.height === 0 ? null
      : { top: r.top, right: r.right, bottom: r.bottom, left: r.left };
    var cs = win.getComputedStyle(node);
    if (box && cs.outlineStyle !== 'none') {
      var o = (parseFloat(cs.outlineWidth) || 0) + Math.max(0, parseFloat(cs.outlineOffset) || 0);
      box = { top: box.top - o, right: box.right + o, bottom: box.bottom + o, left: box.left - o };
    }
    if (cs.overflowX === 'visible' && cs.overflowY === 'visible') {
      for (var c = node.firstElementChild; c; c = c.nextElementSibling) box = unite(box, paintedBox(c, win));
    }
    return box;
  }

  function unite(a, b) {
    if (!a || !b) return a || b;
    return {
      top: Math.min(a.top, b.top), right: Math.max(a.right, b.right),
      bottom: Math.max(a.bottom, b.bottom), left: Math.min(a.left, b.left)
    };
  }

  // ---------------------------------------------------------------- DOM

  function el(tag, className, attrs) {
    var node = dom.createElement(tag);
    if (className) node.className = className;
    if (attrs) {
      for (var k in attrs) {
        if (hasOwn(attrs, k)) node.setAttribute(k, attrs[k]);
      }
    }
    return node;
  }

  // Every text from the page, the visitor or an operator is set with textContent.
  function appendItem(kind, author, body) {
    if (!ui) return;
    var item = el('li', 'olark-ref__message olark-ref__message--' + kind);
    if (author !== null) {
      var who = el('span', 'olark-ref__author');
      who.textContent = author;
      item.appendChild(who);
    }
    var text = el('span', 'olark-ref__body');
    if (kind === 'operator') {
      appendLinkified(text, body);
    } else {
      text.textContent = body;
    }
    item.appendChild(text);
    ui.messages.appendChild(item);
    ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  // http(s) URLs and `+` links (`+example.com`, `+https://…`) in an operator message become
  // links; everything else stays text. Only text nodes and <a> elements are created.
  var LINK_RE = /(\+?)(https?:\/\/[^\s<>"']+|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:[\/?#][^\s<>"']*)?)/gi;
  var LINK_TRAILING_RE = /[.,!?;:'"\])}]$/;

  function appendLinkified(parent, body) {
    var last = 0;
    var m;
    LINK_RE.lastIndex = 0;
    while ((m = LINK_RE.exec(body)) !== null) {
      var plus = m[1] === '+';
      var start = m.index;
      var written = m[2];
      // A `+` link starts a word; a link without `+` needs its scheme.
      if (plus && start > 0 && !/[\s(\[{<"']/.test(body.charAt(start - 1))) continue;
      if (!plus && !/^https?:\/\//i.test(written)) continue;
      // Trailing punctuation belongs to the sentence (a closing bracket only if unbalanced).
      while (LINK_TRAILING_RE.test(written)) {
        var c = written.charAt(written.length - 1);
        var open = { ')': '(', ']': '[', '}': '{' }[c];
        if (open && written.split(open).length >= written.split(c).length) break;
        written = written.slice(0, -1);
      }
      var href = linkHref(written);
      if (href === null) continue;
      if (start > last) parent.appendChild(dom.createTextNode(body.slice(last, start)));
      var a = el('a', 'olark-ref__link', { href: href });
      a.textContent = written;
      if (plus || (isExternal(href) && !look.externalSameWindow)) {
        a.setAttribute('target', '_blank');
        a.setAttribute('rel', 'noopener noreferrer');
      }
      parent.appendChild(a);
      last = start + m[1].length + written.length;
      LINK_RE.lastIndex = last;
    }
    if (last < body.length) parent.appendChild(dom.createTextNode(body.slice(last)));
  }

  // The absolute http(s) URL of a written link (https:// added without a scheme), or null.
  function linkHref(written) {
    try {
      var url = new URL(/^https?:\/\//i.test(written) ? written : 'https://' + written);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  // A link to another host than the page's.
  function isExternal(href) {
    try {
      return new URL(href).hostname.toLowerCase() !== String(location.hostname).toLowerCase();
    } catch (e) {
      return true;
    }
  }

  function appendVisitorMessage(text) { appendItem('visitor', null, text); }
  function appendOperatorMessage(nickname, text) { appendItem('operator', nickname, text); }
  function appendNotification(text) { appendItem('notification', null, text); }

  // A labelled single field of the offline form.
  function offlineField(tag, className, attrs) {
    var id = 'olark-ref-' + className.replace('olark-ref__', '');
    var wrap = el('div', 'olark-ref__field');
    var label = el('label', 'olark-ref__label', { for: id });
    attrs.id = id;
    attrs.maxlength = String(MAX_TEXT_LENGTH);
    var field = el(tag, 'olark-ref__field-input ' + className, attrs);
    wrap.appendChild(label);
    wrap.appendChild(field);
    return { wrap: wrap, label: label, field: field };
  }

  // The pre-chat survey form (only with features.prechat_survey). Every field is built;
  // a hidden one stays [hidden].
  function prechatForm() {
    var pform = el('form', 'olark-ref__prechat', { 'aria-describedby': 'olark-ref-prechat-intro' });
    pform.noValidate = true;
    pform.hidden = true;
    var intro = el('p', 'olark-ref__prechat-intro', { id: 'olark-ref-prechat-intro' });
    pform.appendChild(intro);
    var fields = {
      name: offlineField('input', 'olark-ref__prechat-name', { type: 'text', name: 'name', autocomplete: 'name' }),
      email: offlineField('input', 'olark-ref__prechat-email', { type: 'email', name: 'email', autocomplete: 'email' }),
      phone: offlineField('input', 'olark-ref__prechat-phone', { type: 'tel', name: 'phone', autocomplete: 'tel' })
    };
    PRECHAT_FIELDS.forEach(function (f) {
      fields[f].wrap.hidden = prechat[f] === 'hidden';
      if (prechat[f] === 'required') fields[f].field.setAttribute('aria-required', 'true');
      pform.appendChild(fields[f].wrap);
    });
    var perror = el('p', 'olark-ref__prechat-error', { id: 'olark-ref-prechat-error', role: 'alert' });
    perror.hidden = true;
    var psubmit = el('button', 'olark-ref__prechat-submit', { type: 'submit' });
    pform.appendChild(perror);
    pform.appendChild(psubmit);
    pform.addEventListener('submit', function (ev) {
      ev.preventDefault();
      submitPrechat();
    });
    return { form: pform, intro: intro, fields: fields, error: perror, submit: psubmit };
  }

  // page: the POST page answer (or null) whose transcript is restored before the
  // widget is attached, so restored lines are not announced as new.
  function render(page) {
    var root = el('div', '', { id: 'olark-ref', lang: currentLocale });
    root.hidden = true; // never displayed before the state is applied

    var launcher = el('button', 'olark-ref__launcher', {
      type: 'button',
      'aria-expanded': 'false',
      'aria-controls': PANEL_ID
    });
    var launcherLabel = el('span', 'olark-ref__launcher-label');
    // The launcher's name is its aria-label (title + unread count, see syncUnread), since
    // the label is only displayed with system.hb_show_button_text.
    var unread = el('span', 'olark-ref__unread', { role: 'img' });
    unread.hidden = true;
    launcher.appendChild(chatIcon());
    launcher.appendChild(launcherLabel);
    launcher.appendChild(unread);

    // Attention Grabber: an image above the launcher while the box is shrunk.
    var grabberButton = null;
    var grabber = null;
    if (look.grabber) {
      grabberButton = el('button', 'olark-ref__grabber-button', { type: 'button', 'aria-controls': PANEL_ID });
      grabber = el('img', 'olark-ref__grabber' + (look.grabber.slide ? ' olark-ref__grabber--slide' : ''), {
        alt: '', decoding: 'async'
      });
      if (look.grabber.width !== null) grabber.setAttribute('width', String(look.grabber.width));
      if (look.grabber.height !== null) grabber.setAttribute('height', String(look.grabber.height));
      grabberButton.appendChild(grabber);
    }

    var panel = el('section', 'olark-ref__panel', { id: PANEL_ID, role: 'dialog' });
    var header = el('header', 'olark-ref__header');
    var title = el('h2', 'olark-ref__title');
    var minimize = el('button', 'olark-ref__minimize', { type: 'button' });
    var glyph = el('span', 'olark-ref__minimize-glyph', { 'aria-hidden': 'true' });
    minimize.appendChild(glyph);
    header.appendChild(title);
    header.appendChild(minimize);

    var messages = el('ol', 'olark-ref__messages', { role: 'log', 'aria-live': 'polite' });
    // welcome_message: the first line of the list until the conversation begins.
    var welcome = el('li', 'olark-ref__welcome');
    messages.appendChild(welcome);

    var form = el('form', 'olark-ref__form');
    form.noValidate = true;
    var input = el('textarea', 'olark-ref__input', { rows: '2', maxlength: String(MAX_TEXT_LENGTH) });
    var send = el('button', 'olark-ref__send', { type: 'submit' });
    form.appendChild(input);
    form.appendChild(send);

    // Offline form: shown instead of the chat input while no operator is available.
    var offline = el('form', 'olark-ref__offline');
    offline.noValidate = true;
    var away = el('p', 'olark-ref__away', { id: 'olark-ref-away' });
    var nameF = offlineField('input', 'olark-ref__offline-name', { type: 'text', name: 'name', autocomplete: 'name' });
    var emailF = offlineField('input', 'olark-ref__offline-email', { type: 'email', name: 'email', autocomplete: 'email' });
    var messageF = offlineField('textarea', 'olark-ref__offline-message', { name: 'message', rows: '3' });
    var offlineError = el('p', 'olark-ref__offline-error', { id: 'olark-ref-offline-error', role: 'alert' });
    offlineError.hidden = true;
    var offlineSubmit = el('button', 'olark-ref__offline-submit', { type: 'submit' });
    offline.setAttribute('aria-describedby', 'olark-ref-away');
    offline.appendChild(away);
    offline.appendChild(nameF.wrap);
    offline.appendChild(emailF.wrap);
    offline.appendChild(messageF.wrap);
    offline.appendChild(offlineError);
    offline.appendChild(offlineSubmit);
    var thanks = el('p', 'olark-ref__offline-thanks', { role: 'status' });
    thanks.hidden = true;

    // Chat ratings (features.feedback): "Rate chat", the survey form, its thank-you text.
    var feedbackBegin = el('button', 'olark-ref__feedback-begin', { type: 'button' }); // attached by syncMode
    var feedbackForm = el('form', 'olark-ref__feedback', { 'aria-labelledby': 'olark-ref-feedback-text' });
    feedbackForm.noValidate = true;
    feedbackForm.hidden = true;
    var feedbackBody = el('div', 'olark-ref__feedback-body');
    var feedbackError = el('p', 'olark-ref__feedback-error', { role: 'alert' });
    feedbackError.hidden = true;
    var feedbackNext = el('button', 'olark-ref__feedback-next', { type: 'submit' });
    feedbackForm.appendChild(feedbackBody);
    feedbackForm.appendChild(feedbackError);
    feedbackForm.appendChild(feedbackNext);
    var feedbackThanks = el('p', 'olark-ref__feedback-thanks', { role: 'status' });
    feedbackThanks.hidden = true;

    panel.appendChild(header);
    panel.appendChild(messages);
    panel.appendChild(feedbackForm);
    panel.appendChild(feedbackThanks);
    panel.appendChild(form);
    var prechatUi = prechat ? prechatForm() : null;
    if (prechatUi) panel.appendChild(prechatUi.form);
    panel.appendChild(offline);
    panel.appendChild(thanks);
    if (grabberButton) root.appendChild(grabberButton);
    root.appendChild(launcher);
    root.appendChild(panel);

    ui = {
      root: root, launcher: launcher, launcherLabel: launcherLabel, unread: unread,
      grabberButton: grabberButton, grabber: grabber,
      panel: panel, title: title, minimize: minimize,
      messages: messages, welcome: welcome, form: form, input: input, send: send,
      offline: offline, away: away, offlineName: nameF.field, offlineEmail: emailF.field,
      offlineMessage: messageF.field, nameLabel: nameF.label, emailLabel: emailF.label,
      messageLabel: messageF.label, offlineError: offlineError, offlineSubmit: offlineSubmit,
      thanks: thanks, prechat: prechatUi,
      feedbackBegin: feedbackBegin, feedbackForm: feedbackForm, feedbackBody: feedbackBody,
      feedbackError: feedbackError, feedbackNext: feedbackNext, feedbackThanks: feedbackThanks
    };

    // Visitor interactions go through the same code paths as the API.
    function userExpand() {
      boxExpand();
      if (!box.expanded || panel.hidden) return;
      if (!form.hidden) {
        input.focus();
      } else if (prechatUi && !prechatUi.form.hidden) {
        var first = PRECHAT_FIELDS.filter(function (f) { return prechat[f] !== 'hidden'; })[0];
        (first ? prechatUi.fields[first].field : prechatUi.submit).focus();
      } else if (!feedbackForm.hidden) {
        focusFeedback();
      } else if (!offline.hidden) {
        nameF.field.focus();
      }
    }
    launcher.addEventListener('click', userExpand);
    if (grabberButton) grabberButton.addEventListener('click', userExpand);

    function userShrink() {
      boxShrink();
      if (!box.expanded && box.shown && !launcher.hidden) launcher.focus();
    }
    minimize.addEventListener('click', userShrink);
    panel.addEventListener('keydown', function (ev) {
      if (ev.key === 'Escape' && !ev.defaultPrevented) {
        ev.preventDefault();
        userShrink();
      }
    });

    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var text = input.value.trim();
      if (text === '') return;
      input.value = '';
      sendToOperator(text);
    });

    feedbackBegin.addEventListener('click', function () { beginFeedback(); });
    feedbackForm.addEventListener('submit', function (ev) {
      ev.preventDefault();
      submitFeedback();
    });
    // Keep answers across a re-render (setLocale while the survey is open).
    feedbackForm.addEventListener('change', function (ev) {
      var t = ev.target;
      if (feedback && t && t.name === 'rating' && feedback.index < FEEDBACK_LAST) {
        feedback.answers[FEEDBACK_QUESTIONS[feedback.index]] = Number(t.value);
      }
    });
    feedbackForm.addEventListener('input', function (ev) {
      if (feedback && ev.target && ev.target.tagName === 'TEXTAREA') feedback.comments = ev.target.value;
    });

    offline.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var name = nameF.field.value.trim();
      var email = emailF.field.value.trim();
      var body = messageF.field.value.trim();
      var bad = [];
      if (name === '') bad.push(nameF.field);
      if (email === '' || email.indexOf('@') === -1) bad.push(emailF.field);
      if (body === '') bad.push(messageF.field);
      [nameF.field, emailF.field, messageF.field].forEach(function (f) {
        if (bad.indexOf(f) === -1) {
          f.removeAttribute('aria-invalid');
          f.removeAttribute('aria-describedby');
        } else {
          f.setAttribute('aria-invalid', 'true');
          f.setAttribute('aria-describedby', 'olark-ref-offline-error');
        }
      });
      offlineError.hidden = bad.length === 0;
      if (bad.length !== 0) {
        bad[0].focus();
        return;
      }
      var hadFocus = focusInside(panel);
      sendOfflineMessage(name, email, body);
      if (hadFocus && !thanks.hidden) {
        thanks.tabIndex = -1;
        thanks.focus();
      }
    });

    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing && ev.keyCode !== 229) {
        ev.preventDefault();
        if (typeof form.requestSubmit === 'function') {
          form.requestSubmit();
        } else {
          form.dispatchEvent(new Event('submit', { cancelable: true }));
        }
      }
    });

    if (page) restoreTranscript(page.transcript);
    syncConversation();
    applyAppearance(root);
    applyStrings();
    syncBox();
    syncMode();
    var container = look.inline ? document.getElementById('olark-box-container') : null;
    attachRoot(root, container);
    if (look.disableMobile) {
      window.addEventListener('resize', function () { syncBox(); });
    }
  }

  // The launcher's chat bubble icon (decorative).
  function chatIcon() {
    var NS = 'http://www.w3.org/2000/svg';
    var svg = dom.createElementNS(NS, 'svg');
    svg.setAttribute('class', 'olark-ref__launcher-icon');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = dom.createElementNS(NS, 'path');
    path.setAttribute('fill', 'currentColor');
    path.setAttribute('d', 'M4.5 3h15A2.5 2.5 0 0 1 22 5.5v10a2.5 2.5 0 0 1-2.5 2.5H10l-5.2 3.9A.5.5 0 0 1 4 21.5V18A2.5 ' +
      '2.5 0 0 1 2 15.5v-10A2.5 2.5 0 0 1 4.5 3zM7 9.25a1.25 1.25 0 1 0 0 2.5 1.25 1.25 0 0 0 0-2.5zm5 0a1.25 ' +
      '1.25 0 1 0 0 2.5 1.25 1.25 0 0 0 0-2.5zm5 0a1.25 1.25 0 1 0 0 2.5 1.25 1.25 0 0 0 0-2.5z');
    path.setAttribute('fill-rule', 'evenodd');
    svg.appendChild(path);
    return svg;
  }

  // ---------------------------------------------------------------- boot

  function resolveCssUrl() {
    var base = loaderUrl();
    try {
      return new URL('widget.css', base ? new URL(base, document.baseURI) : document.baseURI).href;
    } catch (e) {
      return '/jsclient/widget.css';
    }
  }

  // Adds the widget.css <link> to `parent` (the page's head, the shadow root or the frame's
  // head) and calls done() once it loaded or failed.
  function loadCss(parent, done) {
    var finished = false;
    var link = dom.createElement('link');
    var timer = null;
    function finish(ok, why) {
      if (finished) return;
      finished = true;
      if (timer !== null) clearTimeout(timer);
      if (!ok) error('could not load the widget stylesheet ' + link.href + ' (' + why + '); continuing unstyled');
      done();
    }
    link.rel = 'stylesheet';
    link.addEventListener('load', function () { finish(true); });
    link.addEventListener('error', function () { finish(false, 'error'); });
    timer = setTimeout(function () { finish(false, 'timeout'); }, CSS_TIMEOUT_MS);
    link.href = resolveCssUrl();
    parent.appendChild(link);
  }

  function whenBody(fn) {
    if (document.body) {
      fn();
    } else {
      document.addEventListener('DOMContentLoaded', function () { fn(); }, { once: true });
    }
  }

  // system.allowed_domains: comma-separated host patterns, `*` matching any run of
  // characters (dots included), compared with location.hostname without regard to case.
  // Returns true if the chat may load on this host (or no list is configured).
  function hostAllowed(value, source) {
    if (value === undefined || value === null) return true;
    if (typeof value !== 'string') {
      warn(source + ' expects a comma-separated string of domains such as "*.example.com,example.org", got ' +
        describe(value) + '; ignored');
      return true;
    }
    var patterns = value.split(',').map(hostPattern).filter(function (p) { return p !== ''; });
    if (patterns.length === 0) return true;
    var host = String(location.hostname).toLowerCase().replace(/\.$/, '');
    for (var i = 0; i < patterns.length; i++) {
      var re = new RegExp('^' + patterns[i].split('*').map(function (part) {
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }).join('.*') + '$');
      if (re.test(host)) return true;
    }
    warn('this host ' + describe(host) + ' is not in ' + source + ' (' + describe(value) +
      '); the chat is not loaded on this page');
    return false;
  }

  // One allowed_domains entry as a host pattern: lower case, without a scheme, path,
  // port or trailing dot, which are sometimes pasted in with the domain.
  function hostPattern(entry) {
    return entry.trim().toLowerCase()
      .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
      .split('/')[0]
      .replace(/:\d+$/, '')
      .replace(/\.$/, '');
  }

  // The host is not allowed: nothing is rendered, onReady never fires, queued calls
  // are dropped and later calls only warn.
  function blockHost() {
    phase = 'dead';
    deadReason = 'this host is not in system.allowed_domains';
    if (pendingLive.length !== 0) {
      warn(pendingLive.length + ' call(s) made while loading ignored: ' + deadReason);
      pendingLive = [];
    }
  }

  function boot() {
    // (1) configure and identify calls, in queue order.
    var rest = [];
    for (var i = 0; i < queue.length; i++) {
      var name = queue[i][0];
      if (name === 'configure' || name === 'identify') {
        call(name, queue[i].slice(1));
      } else {
        rest.push(queue[i]);
      }
    }

    // (2) a site id is required.
    if (siteId === null) {
      phase = 'dead';
      error('no site id was identified (call olark.identify("<site-id>") in the embed snippet); the widget will not load');
      return;
    }

    // system.allowed_domains from the page: checked before anything is loaded or sent.
    if (hasOwn(config, 'system.allowed_domains') &&
        !hostAllowed(config['system.allowed_domains'], 'configure "system.allowed_domains"')) {
      blockHost();
      return;
    }

    phase = 'booting';

    // (3) stylesheet and POST page in parallel, then render.
    var page = null;
    var firstVisit = false; // a first-time visitor (decided in finish)
    // The stylesheet loads with POST page in document mode; in the other mounts it loads
    // once the shadow root or frame exists (see openMount).
    var waiting = mount.mode === 'document' ? 2 : 1;
    function loaded() {
      if (--waiting === 0) whenBody(waitForInlineContainer);
    }

    // box.inline looks for #olark-box-container, which may be further down the page.
    function waitForInlineContainer() {
      var inline = isTrue(config['box.inline']) ||
        (!hasOwn(config, 'box.inline') && page && isOptions(page.settings) && isTrue(page.settings['box.inline']));
      if (inline && !document.getElementById('olark-box-container') && document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', function () { finish(); }, { once: true });
      } else {
        finish();
      }
    }
    if (mount.mode === 'document') loadCss(document.head || document.documentElement, loaded);
    postPage().then(function (answer) {
      page = answer;
      loaded();
    }, function (e) {
      console.error(PREFIX + 'internal error starting the chat backend:', e);
      loaded();
    });

    function finish() {
      // A first-time visitor: nothing in the transcript and no earlier page seen.
      if (page) {
        firstVisit = !(Array.isArray(page.transcript) && page.transcript.length !== 0) && !flagSet(SEEN_KEY);
        setFlag(SEEN_KEY);
      }
      // Initial presence from POST page (not a change: no events).
      if (page) {
        chat.available = page.available;
        chat.nickname = nonEmptyString(page.nickname) ? page.nickname : null;
        if (Number.isFinite(page.seq)) chat.lastSeq = page.seq;
        if (isOptions(page.settings)) {
          Object.keys(page.settings).forEach(function (k) { settings[k] = page.settings[k]; });
        }
      }
      // system.allowed_domains from the site settings (when the page does not set it).
      if (!hasOwn(config, 'system.allowed_domains') && hasOwn(settings, 'system.allowed_domains') &&
          !hostAllowed(settings['system.allowed_domains'], 'site setting "system.allowed_domains"')) {
        blockHost();
        return;
      }
      // The shadow root or frame is made now that box.inline is known (see openMount).
      openMount(start);
    }

    function start() {
      // Initial state from the effective configuration (site settings overridden by the
      // page's configure values); not a state change: no events.
      // The page's system.localization is a choice of the page (its table overrides the
      // site's locale.* texts); the site's own is only the base language.
      var pageLocale = config['system.localization'];
      var siteLocale = settings['system.localization'];
      if (!(pageLocale !== undefined && setLocale(pageLocale, 'configure "system.localization"', true)) &&
          siteLocale !== undefined) {
        setLocale(siteLocale, 'site setting "system.localization"', false);
      }
      Object.keys(settings).forEach(function (k) {
        if (k.indexOf('locale.') === 0 && typeof settings[k] !== 'string') {
          warn('site setting ' + describe(k) + ' expects a string, got ' + describe(settings[k]) + '; ignored');
        }
      });
      box.shown = !isTrue(eff('box.start_hidden'));
      box.expanded = isTrue(eff('box.start_expanded'));
      look = appearance();
      // A shadow host or frame was placed for the box.inline decision taken when it was
      // made (a frame reloads when moved); keep to it.
      if (mount.mode !== 'document') look.inline = mount.inline;
      analytics = readAnalytics();
      prechat = readPrechat();
      if (look.inline) box.expanded = true; // an inline chatbox is always expanded
      try {
        render(page);
      } catch (e) {
        console.error(PREFIX + 'failed to render the widget:', e);
      }

      // Targeted Chat rules remember their perVisit runs by the backend's visit number.
      if (page && Number.isInteger(page.visit)) rules.visit = page.visit;

      // (4) ready.
      markReady();

      // (5) remaining queued entries, then live calls made while loading.
      var all = rest.concat(pendingLive);
      pendingLive = [];
      for (var j = 0; j < all.length; j++) {
        try {
          execute(all[j][0], all[j].slice(1));
        } catch (e) {
          console.error(PREFIX + 'internal error replaying ' + describe(all[j][0]) + ':', e);
        }
      }

      // Targeted Chat rules: the page load is a relevant change; so is time passing.
      scheduleRules();
      setInterval(rulesChanged, RULES_TICK_MS);

      // The Greeter (and its new-visitor notification to the operators).
      try {
        startGreeter(page, firstVisit);
      } catch (e) {
        console.error(PREFIX + 'internal error starting the Greeter:', e);
      }

      // Single-page applications keep the visitor from looking idle with a heartbeat.
      if (page && isTrue(eff('system.is_single_page_application'))) {
        setInterval(function () { send('heartbeat', {}, 'system.is_single_page_application'); }, HEARTBEAT_MS);
      }

      // Page change notifications (system.give_location_to_operator).
      if (page) {
        try {
          reportPageChange();
        } catch (e) {
          console.error(PREFIX + 'internal error reporting the page change:', e);
        }
      }

      // (6) the push stream, from where POST page left off.
      if (page) {
        try {
          openStream();
        } catch (e) {
          console.error(PREFIX + 'could not open the chat event stream:', e);
        }
      }
    }
  }

  boot();
})();
