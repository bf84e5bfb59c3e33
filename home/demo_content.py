"""Demo content of the public campaign site: news, activities, institutional pages.

Spanish texts for INFOM's Open Government campaign (news, socialization activities,
the pages "Gobierno Abierto en el INFOM", "Ley de Acceso a la Información Pública"
and "Acerca del diplomado", the open-data intro and the home feature text). Plain
data only; no imports. Meant for `manage.py seed_demo`.

Topics follow INFOM's own announcements about its Open Government strategy: the
first stage (diagnostics done, instruments being built, transfer of capacities
begun), the June socialization activities for citizens and for staff, the renewed
website and the Ley de Acceso a la Información Pública, civil-society organizations
in technical tables and joint work with municipalities, the online diploma
"Gestión Municipal y Transparencia" and the mandatory staff trainings. Dates,
places and quotes of the demo items are illustrative; quotes are attributed to
units, never to people, and no figures, names or links are invented.

Counts of the diploma's modules are placeholders ({modulos}, {Modulos},
{modulos_n}, {modulos_tematicos}) that `cursos.demo.with_counts` fills in from
the diploma's own data, so the texts agree with the syllabus.

Legal facts use the sources listed in `cursos/demo/contenido/FUENTES.md`:
- Ley de Acceso a la Información Pública, Decreto 57-2008: art. 10 opening
  paragraph and art. 18 (literal, as verified there); arts. 42 and 43 (10 business
  days, extendable by up to 10 more) and 54-60 (recurso de revisión, 15 days) as
  described by the Secretaría de Bienestar Social's LAIP page (laip.sbs.gob.gt);
  the Procurador de los Derechos Humanos as regulating authority (the PDH
  publishes its annual LAIP reports as "Autoridad Reguladora"; the article
  number 46 is cited from the law's usual structure and paraphrased only).
- Código Municipal, Decreto 12-2002: art. 2 (literal, as verified there).
- Ley de los Consejos de Desarrollo Urbano y Rural, Decreto 11-2002: nature of
  the system (art. 1), paraphrased with the wording of the diploma's module 4.
- Ley Orgánica del INFOM, Decreto 1132 (1957): object of the Institute,
  paraphrased (INFOM, "¿Quiénes somos?"; ojoconmipisto.com).
- Guatemala joined the Open Government Partnership in 2011. National action plans
  are mentioned without numbers; the national coordinating body is not named.
- The diploma's five module titles are those of `cursos/demo/contenido/`; the 340
  municipalities in 22 departments match `lms/accounts/territory_data.py`.

Legal references marked "is_paraphrase": True are faithful summaries, not literal
text. Department and municipality codes are INE codes.
"""

CATEGORIES = ["Socialización", "Gobierno Abierto", "Capacitación", "Transparencia"]

# News articles, oldest first. `illustration` names a theme of home.illustrations.
NEWS = [
    {
        "slug": "estrategia-gobierno-abierto-primera-etapa",
        "title": (
            "El INFOM avanza en la primera etapa de su estrategia de Gobierno Abierto"
        ),
        "date": "2026-03-10",
        "unit": "Coordinación de Gobierno Abierto",
        "intro": (
            "El Instituto de Fomento Municipal concluyó los diagnósticos de la primera "
            "etapa de su estrategia de Gobierno Abierto, trabaja en la construcción de "
            "instrumentos y dio inicio a la transferencia de capacidades."
        ),
        "categories": ["Gobierno Abierto"],
        "tags": ["gobierno abierto", "municipalidades", "capacitación", "diplomado"],
        "search_description": (
            "Primera etapa de la estrategia de Gobierno Abierto del INFOM: "
            "diagnósticos realizados, instrumentos en construcción y transferencia de "
            "capacidades."
        ),
        "illustration": "plan",
        "image_alt": (
            "Ilustración: una hoja de planificación con una lista de tareas; las "
            "primeras aparecen marcadas como completadas"
        ),
        "body": [
            ("heading", "Una estrategia para acompañar a las municipalidades"),
            (
                "paragraph",
                (
                    "<p>El Instituto de Fomento Municipal (INFOM) impulsa una "
                    "estrategia de <b>Gobierno Abierto</b> con un propósito claro: "
                    "fortalecer la transparencia, la participación ciudadana y la "
                    "rendición de cuentas, tanto en la propia institución como en las "
                    "municipalidades a las que brinda asistencia técnica, "
                    "administrativa y financiera.</p><p>La estrategia se organiza en "
                    "tres líneas de trabajo que se complementan: <i>diagnóstico</i>, "
                    "<i>construcción de instrumentos</i> y <i>transferencia de "
                    "capacidades</i>.</p>"
                ),
            ),
            ("heading", "¿En qué consiste la primera etapa?"),
            (
                "paragraph",
                (
                    "<ul><li><b>Diagnósticos realizados.</b> Permitieron identificar "
                    "fortalezas y brechas en transparencia, acceso a la información, "
                    "participación ciudadana y rendición de "
                    "cuentas.</li><li><b>Instrumentos en construcción.</b> Con base en "
                    "los diagnósticos se elaboran guías, formatos y procedimientos "
                    "prácticos que las municipalidades y el personal del INFOM puedan "
                    "usar en su trabajo diario.</li><li><b>Transferencia de "
                    "capacidades iniciada.</b> Comenzaron las actividades de formación "
                    "y acompañamiento. Entre ellas se prepara un diplomado en línea "
                    "para funcionarios municipales, que se impartirá en esta "
                    "plataforma de aprendizaje.</li></ul>"
                ),
            ),
            (
                "legal_reference",
                {
                    "law": "Ley Orgánica del INFOM (Decreto 1132 del Congreso, 1957)",
                    "article": "Objeto del Instituto",
                    "quote": (
                        "El INFOM tiene por objeto promover el progreso de los "
                        "municipios, dando asistencia técnica y financiera a las "
                        "municipalidades en la realización de programas básicos de "
                        "obras y servicios públicos, en la organización de la hacienda "
                        "y la administración municipal y, en general, en el desarrollo "
                        "de la economía de los municipios."
                    ),
                    "is_paraphrase": True,
                },
            ),
            ("heading", "Acompañar sin sustituir"),
            (
                "paragraph",
                (
                    "<p>El INFOM respeta la <b>autonomía municipal</b> que garantiza "
                    "la Constitución Política de la República: acompaña, asesora y "
                    "capacita, pero las decisiones corresponden a las autoridades "
                    "municipales electas.</p><p>Los avances de las siguientes etapas "
                    "se darán a conocer en esta sección de noticias y en la sección de "
                    "actividades.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "El Gobierno Abierto no es tarea de una sola oficina: es una "
                        "forma de trabajar que involucra a toda la institución y a las "
                        "municipalidades que acompañamos."
                    ),
                    "attribution": "Coordinación de Gobierno Abierto del INFOM",
                },
            ),
        ],
    },
    {
        "slug": "sitio-web-infom-informacion-publica-de-oficio",
        "title": (
            "El sitio web renovado del INFOM cumple con la Ley de Acceso a la "
            "Información Pública"
        ),
        "date": "2026-04-21",
        "unit": "Unidad de Información Pública",
        "intro": (
            "El INFOM renovó su sitio web para presentar de forma ordenada la "
            "información pública de oficio que exige el Decreto 57-2008 y orientar a "
            "quienes desean presentar una solicitud de información."
        ),
        "categories": ["Transparencia", "Gobierno Abierto"],
        "tags": ["acceso a la información", "transparencia", "gobierno abierto"],
        "search_description": (
            "El sitio web renovado del INFOM reúne la información pública de oficio "
            "que exige el artículo 10 del Decreto 57-2008."
        ),
        "illustration": "website",
        "image_alt": (
            "Ilustración: la ventana de un navegador web con una lupa y varias líneas "
            "de texto"
        ),
        "body": [
            ("heading", "Información pública al alcance de todas las personas"),
            (
                "paragraph",
                (
                    "<p>El Instituto de Fomento Municipal presentó su sitio web "
                    "renovado, organizado para cumplir con la <b>Ley de Acceso a la "
                    "Información Pública</b>, Decreto 57-2008 del Congreso de la "
                    "República. El sitio reúne en un solo lugar la información pública "
                    "de oficio de la institución, con una estructura más clara y fácil "
                    "de consultar.</p><p>Como entidad autónoma del Estado, el INFOM es "
                    "un <b>sujeto obligado</b> de la ley, igual que las "
                    "municipalidades: debe publicar su información de oficio y atender "
                    "las solicitudes de información que reciba.</p>"
                ),
            ),
            (
                "legal_reference",
                {
                    "law": "Ley de Acceso a la Información Pública (Decreto 57-2008)",
                    "article": "Artículo 10 (párrafo inicial)",
                    "quote": (
                        "Los Sujetos Obligados deberán mantener, actualizada y "
                        "disponible, en todo momento, de acuerdo con sus funciones y a "
                        "disposición de cualquier interesado, como mínimo, la "
                        "siguiente información, que podrá ser consultada de manera "
                        "directa o a través de los portales electrónicos de cada "
                        "sujeto obligado."
                    ),
                    "is_paraphrase": False,
                },
            ),
            ("heading", "¿Qué información encontrará?"),
            (
                "paragraph",
                (
                    "<p>El artículo 10 de la ley enumera la información que cada "
                    "sujeto obligado debe publicar sin que nadie la pida. Entre otros "
                    "temas, incluye:</p><ul><li>La estructura orgánica y las funciones "
                    "de cada dependencia.</li><li>El directorio de empleados y "
                    "servidores públicos, y sus salarios.</li><li>El presupuesto "
                    "asignado, sus modificaciones y los informes de "
                    "ejecución.</li><li>Las contrataciones de bienes y "
                    "servicios.</li></ul><p>La información debe mantenerse actualizada "
                    "y también puede consultarse directamente en las oficinas del "
                    "INFOM: publicar en internet no sustituye la atención "
                    "presencial.</p>"
                ),
            ),
            ("heading", "La Unidad de Información Pública"),
            (
                "paragraph",
                (
                    "<p>Si la información que busca no está publicada, puede "
                    "solicitarla a la <b>Unidad de Información Pública</b> del INFOM, "
                    "de forma verbal, escrita o electrónica. No necesita explicar para "
                    "qué la quiere. La ley establece un plazo de 10 días hábiles para "
                    "resolver, que puede ampliarse hasta por 10 días más cuando el "
                    "volumen y la extensión de la respuesta lo justifiquen (artículos "
                    "42 y 43).</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "La información pública pertenece a la población. Nuestro "
                        "trabajo es que sea fácil de encontrar y de entender."
                    ),
                    "attribution": "Unidad de Información Pública del INFOM",
                },
            ),
        ],
    },
    {
        "slug": "sociedad-civil-mesas-tecnicas-gobierno-abierto",
        "title": (
            "Organizaciones de sociedad civil participan en las mesas técnicas de "
            "Gobierno Abierto del INFOM"
        ),
        "date": "2026-05-19",
        "unit": "Coordinación de Gobierno Abierto",
        "intro": (
            "Organizaciones de la sociedad civil participan en mesas técnicas con el "
            "INFOM para revisar los instrumentos de la estrategia de Gobierno Abierto "
            "y proponer mejoras desde la experiencia de las comunidades."
        ),
        "categories": ["Gobierno Abierto", "Socialización"],
        "tags": ["sociedad civil", "gobierno abierto", "socialización"],
        "search_description": (
            "Organizaciones de sociedad civil participan en las mesas técnicas de la "
            "estrategia de Gobierno Abierto del INFOM."
        ),
        "illustration": "table",
        "image_alt": (
            "Ilustración: personas sentadas alrededor de una mesa de trabajo con "
            "documentos"
        ),
        "body": [
            ("heading", "Construir con la sociedad civil"),
            (
                "paragraph",
                (
                    "<p>Como parte de su estrategia de Gobierno Abierto, el INFOM "
                    "instaló mesas técnicas en las que participan organizaciones de la "
                    "sociedad civil. En estos espacios se revisan los resultados de "
                    "los diagnósticos y los instrumentos en construcción, y se recogen "
                    "propuestas para que las herramientas respondan a las necesidades "
                    "reales de la población.</p><p>Esta forma de trabajo, conocida "
                    "como <i>cocreación</i>, es la misma que se utiliza para elaborar "
                    "los planes de acción nacionales de Gobierno Abierto en el marco "
                    "de la Alianza para el Gobierno Abierto, a la que Guatemala se "
                    "incorporó en 2011.</p>"
                ),
            ),
            ("heading", "¿Qué se trabaja en las mesas técnicas?"),
            (
                "paragraph",
                (
                    "<ul><li>La revisión de los instrumentos de transparencia y "
                    "rendición de cuentas que el INFOM pondrá a disposición de las "
                    "municipalidades.</li><li>Propuestas para presentar la información "
                    "en lenguaje sencillo y, cuando corresponda, en los idiomas de las "
                    "comunidades.</li><li>Mecanismos de seguimiento, para que los "
                    "acuerdos de las mesas se conviertan en acciones "
                    "concretas.</li></ul>"
                ),
            ),
            (
                "legal_reference",
                {
                    "law": (
                        "Ley de los Consejos de Desarrollo Urbano y Rural (Decreto "
                        "11-2002)"
                    ),
                    "article": "Artículo 1. Naturaleza",
                    "quote": (
                        "El Sistema de Consejos de Desarrollo es el medio principal de "
                        "participación de la población maya, xinca y garífuna y la no "
                        "indígena en la gestión pública, para llevar a cabo el proceso "
                        "de planificación democrática del desarrollo."
                    ),
                    "is_paraphrase": True,
                },
            ),
            ("heading", "Un complemento de los espacios que establece la ley"),
            (
                "paragraph",
                (
                    "<p>Las mesas técnicas no sustituyen a los espacios de "
                    "participación que establece la ley, como los Consejos Municipales "
                    "de Desarrollo (COMUDE) y los Consejos Comunitarios de Desarrollo "
                    "(COCODE): los complementan, con un enfoque en la transparencia y "
                    "el acceso a la información.</p><p>Las organizaciones interesadas "
                    "en sumarse pueden expresar su interés por medio de la Unidad de "
                    "Información Pública del INFOM.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "socializacion-modelo-gobierno-abierto-junio",
        "title": (
            "El INFOM socializó su modelo de Gobierno Abierto con la ciudadanía y con "
            "su personal"
        ),
        "date": "2026-06-29",
        "unit": "Comunicación Social",
        "intro": (
            "Durante junio, el INFOM realizó actividades de socialización de su modelo "
            "de Gobierno Abierto dirigidas a la ciudadanía y a las organizaciones de "
            "sociedad civil, y otras dirigidas a su personal."
        ),
        "categories": ["Socialización", "Gobierno Abierto"],
        "tags": [
            "socialización",
            "gobierno abierto",
            "sociedad civil",
            "personal del infom",
        ],
        "search_description": (
            "En junio, el INFOM socializó su modelo de Gobierno Abierto con la "
            "ciudadanía, la sociedad civil y el personal de la institución."
        ),
        "illustration": "people",
        "image_alt": (
            "Ilustración: un grupo de cinco personas reunidas en una actividad de "
            "socialización"
        ),
        "body": [
            ("heading", "Dos públicos, un mismo modelo"),
            (
                "paragraph",
                (
                    "<p>En junio, el Instituto de Fomento Municipal llevó a cabo "
                    "actividades de socialización de su modelo de <b>Gobierno "
                    "Abierto</b>. El objetivo fue explicar en qué consiste el modelo, "
                    "qué avances tiene la estrategia y cómo pueden participar las "
                    "personas interesadas.</p>"
                ),
            ),
            ("heading", "Con la ciudadanía y la sociedad civil"),
            (
                "paragraph",
                (
                    "<p>En la actividad dirigida a la ciudadanía y a las "
                    "organizaciones de sociedad civil se presentaron:</p><ul><li>Los "
                    "principios del Gobierno Abierto: transparencia, participación "
                    "ciudadana, rendición de cuentas y tecnología e "
                    "innovación.</li><li>Las tres líneas de trabajo de la estrategia "
                    "del INFOM: diagnóstico, construcción de instrumentos y "
                    "transferencia de capacidades.</li><li>El derecho de toda persona "
                    "a solicitar información pública, según el Decreto 57-2008, y la "
                    "forma de hacerlo ante la Unidad de Información "
                    "Pública.</li></ul><p>Las preguntas y propuestas de las personas "
                    "asistentes se trasladaron a las mesas técnicas de la "
                    "estrategia.</p>"
                ),
            ),
            ("heading", "Con el personal del INFOM"),
            (
                "paragraph",
                (
                    "<p>La sesión dirigida al personal explicó el papel de cada "
                    "dependencia en el modelo: la atención de solicitudes de "
                    "información, la publicación de la información de oficio y el "
                    "acompañamiento a las municipalidades con respeto a la autonomía "
                    "municipal. También se presentaron las capacitaciones obligatorias "
                    "que el personal completará en esta plataforma.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Socializar el modelo es el primer paso para que cada persona, "
                        "dentro y fuera del INFOM, sepa cómo ejercer sus derechos y "
                        "cumplir sus responsabilidades."
                    ),
                    "attribution": "Comunicación Social del INFOM",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Las próximas actividades se publican en la sección de "
                    "actividades de esta plataforma.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "municipalidades-informacion-que-comparte-el-infom",
        "title": (
            "Municipalidades y el INFOM trabajan juntos en la información que el "
            "Instituto debe compartir"
        ),
        "date": "2026-07-21",
        "unit": "Coordinación de Gobierno Abierto",
        "intro": (
            "El INFOM trabaja con municipalidades para identificar qué información "
            "necesitan que el Instituto comparta y en qué formatos les resulta más "
            "útil, como parte de su estrategia de Gobierno Abierto."
        ),
        "categories": ["Gobierno Abierto", "Transparencia"],
        "tags": ["municipalidades", "acceso a la información", "transparencia"],
        "search_description": (
            "El INFOM y las municipalidades definen juntos qué información debe "
            "compartir el Instituto y en qué formatos."
        ),
        "illustration": "table",
        "image_alt": (
            "Ilustración: un grupo de personas conversa alrededor de una mesa con "
            "documentos"
        ),
        "body": [
            ("heading", "Escuchar primero a las municipalidades"),
            (
                "paragraph",
                (
                    "<p>Como parte de la estrategia de Gobierno Abierto, el Instituto "
                    "de Fomento Municipal abrió un espacio de trabajo conjunto con "
                    "municipalidades para responder a una pregunta sencilla: <b>¿qué "
                    "información necesitan que el INFOM comparta con ellas y con sus "
                    "vecinos?</b></p><p>El INFOM brinda asistencia técnica, "
                    "administrativa y financiera a los gobiernos locales. Por eso "
                    "produce información que interesa a las municipalidades, por "
                    "ejemplo sobre los servicios que ofrece, los requisitos de sus "
                    "trámites y los proyectos en los que participa.</p>"
                ),
            ),
            ("heading", "Temas del trabajo conjunto"),
            (
                "paragraph",
                (
                    "<ol><li>Qué información sobre los servicios y trámites del INFOM "
                    "resulta más útil para las municipalidades.</li><li>En qué "
                    "formatos y por qué medios conviene publicarla, tomando en cuenta "
                    "la conectividad de cada municipio.</li><li>Cómo puede la "
                    "municipalidad usar esa información para rendir cuentas a sus "
                    "vecinos, por ejemplo ante el Consejo Municipal de Desarrollo "
                    "(COMUDE).</li></ol>"
                ),
            ),
            (
                "legal_reference",
                {
                    "law": (
                        "Código Municipal (Decreto 12-2002 del Congreso) y sus reformas"
                    ),
                    "article": "Artículo 2. Naturaleza del municipio",
                    "quote": (
                        "El municipio es la unidad básica de la organización "
                        "territorial del Estado y espacio inmediato de participación "
                        "ciudadana en los asuntos públicos. Se caracteriza "
                        "primordialmente por sus relaciones permanentes de vecindad, "
                        "multietnicidad, pluriculturalidad, y multilingüismo, "
                        "organizado para realizar el bien común de todos los "
                        "habitantes de su distrito."
                    ),
                    "is_paraphrase": False,
                },
            ),
            ("heading", "Próximos pasos"),
            (
                "paragraph",
                (
                    "<p>Los resultados de este trabajo orientarán la construcción de "
                    "instrumentos de la estrategia y la información que el INFOM "
                    "publica, además de la información pública de oficio que ya exige "
                    "la ley.</p><p>Las municipalidades que deseen aportar sus "
                    "propuestas pueden comunicarse con la Unidad de Información "
                    "Pública del INFOM.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "personal-infom-capacitaciones-obligatorias",
        "title": (
            "El personal del INFOM inicia sus capacitaciones obligatorias en Gobierno "
            "Abierto"
        ),
        "date": "2026-08-18",
        "unit": "Recursos Humanos",
        "intro": (
            "El personal y los colaboradores del INFOM completarán en esta plataforma "
            "dos capacitaciones obligatorias: la inducción al modelo de Gobierno "
            "Abierto y la atención de solicitudes de información pública."
        ),
        "categories": ["Capacitación", "Gobierno Abierto"],
        "tags": ["capacitación", "personal del infom", "acceso a la información"],
        "search_description": (
            "Capacitaciones obligatorias para el personal del INFOM: inducción al "
            "modelo de Gobierno Abierto y atención de solicitudes de información."
        ),
        "illustration": "training",
        "image_alt": (
            "Ilustración: una pantalla con una lección en video y una persona que "
            "estudia frente a ella"
        ),
        "body": [
            ("heading", "Dos capacitaciones obligatorias"),
            (
                "paragraph",
                (
                    "<ul><li><b>Inducción al modelo de Gobierno Abierto del INFOM</b>: "
                    "conceptos, marco legal, mandato del INFOM según su Ley Orgánica "
                    "(Decreto 1132) y las tres líneas de trabajo de la "
                    "estrategia.</li><li><b>Atención de solicitudes de información "
                    "pública</b>: recepción, registro y trámite de solicitudes, "
                    "plazos, tipos de respuesta, protección de datos personales e "
                    "informe anual, conforme al Decreto 57-2008.</li></ul><p>Cada "
                    "capacitación tiene una duración estimada de 4 horas e incluye una "
                    "evaluación.</p>"
                ),
            ),
            ("heading", "¿Por qué son para todo el personal?"),
            (
                "paragraph",
                (
                    "<p>Cualquier dependencia puede tener la información que una "
                    "persona solicita. Por eso la atención de solicitudes no es tarea "
                    "exclusiva de la Unidad de Información Pública: todas las áreas "
                    "deben conocer los plazos y entregar la información a tiempo. "
                    "Además, quienes acompañan a las municipalidades necesitan dominar "
                    "los principios que promueven.</p>"
                ),
            ),
            (
                "legal_reference",
                {
                    "law": "Ley de Acceso a la Información Pública (Decreto 57-2008)",
                    "article": "Artículos 42 y 43",
                    "quote": (
                        "Presentada y admitida la solicitud, la Unidad de Información "
                        "debe resolver dentro de los diez días siguientes. Cuando el "
                        "volumen y la extensión de la respuesta lo justifiquen, el "
                        "plazo puede ampliarse hasta por diez días más, avisando al "
                        "solicitante antes de que venza el plazo original."
                    ),
                    "is_paraphrase": True,
                },
            ),
            ("heading", "¿Cómo completarlas?"),
            (
                "paragraph",
                (
                    "<ol><li>Ingrese a la plataforma con su cuenta.</li><li>Abra <i>Mi "
                    "aprendizaje</i>: allí encontrará las capacitaciones asignadas, su "
                    "avance y la fecha límite de cada una.</li><li>Complete las "
                    "lecciones y la evaluación antes de la fecha "
                    "límite.</li></ol><p>Recursos Humanos da seguimiento al avance de "
                    "cada dependencia. Si tiene dudas sobre su asignación, consulte "
                    "con su jefatura inmediata o con Recursos Humanos.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "lanzamiento-diplomado-gestion-municipal-transparencia",
        "title": (
            "Lanzamiento del diplomado en línea «Gestión Municipal y Transparencia» "
            "para funcionarios municipales"
        ),
        "date": "2026-10-06",
        "unit": "Comunicación Social",
        "intro": (
            "El INFOM lanzó el diplomado en línea «Gestión Municipal y Transparencia», "
            "dirigido al personal de las 340 municipalidades de los 22 departamentos "
            "del país, con {modulos} módulos (el último, el examen final), "
            "evaluaciones y "
            "un certificado verificable."
        ),
        "categories": ["Capacitación", "Transparencia"],
        "tags": ["diplomado", "capacitación", "municipalidades", "transparencia"],
        "search_description": (
            "El INFOM lanza el diplomado en línea Gestión Municipal y Transparencia "
            "para funcionarios de las 340 municipalidades de Guatemala."
        ),
        "illustration": "diploma",
        "image_alt": "Ilustración: un certificado con un sello dorado y un código QR",
        "body": [
            ("heading", "Formación para las 340 municipalidades del país"),
            (
                "paragraph",
                (
                    "<p>El Instituto de Fomento Municipal puso en marcha el "
                    "<b>Diplomado Gestión Municipal y Transparencia</b>, una formación "
                    "en línea para funcionarias, funcionarios y empleados de las "
                    "municipalidades de los 22 departamentos de Guatemala. El "
                    "diplomado forma parte de la línea de <i>transferencia de "
                    "capacidades</i> de la estrategia de Gobierno Abierto del "
                    "INFOM.</p>"
                ),
            ),
            ("heading", "{Modulos} módulos en línea y un certificado verificable"),
            (
                "paragraph",
                (
                    "<ul><li>Módulo 1. Gobierno Abierto: principios y "
                    "compromisos.</li><li>Módulo 2. Ley de Acceso a la Información "
                    "Pública.</li><li>Módulo 3. El Código Municipal y la organización "
                    "del municipio.</li><li>Módulo 4. Participación ciudadana y "
                    "Consejos de Desarrollo.</li><li>Módulo 5. Finanzas municipales y "
                    "el papel del INFOM.</li><li>Módulo {modulos_n}. Examen "
                    "final.</li></ul><p>"
                    "Cada módulo temático tiene lecciones breves y una evaluación; el "
                    "último módulo es un examen que integra todos los temas. Las "
                    "lecciones son livianas, pensadas para conexiones "
                    "lentas. <i>Duración total estimada: 40 horas.</i></p><p>Al "
                    "completar el diplomado, la plataforma emite un certificado en PDF "
                    "con un código de verificación y un código QR. Cualquier persona "
                    "puede comprobar su autenticidad en la página de verificación de "
                    "certificados de esta plataforma.</p>"
                ),
            ),
            ("heading", "¿Cómo inscribirse?"),
            (
                "paragraph",
                (
                    "<ol><li>Cree su cuenta en esta plataforma e indique su "
                    "departamento, su municipio y su cargo.</li><li>Abra la página del "
                    "diplomado y seleccione <b>Inscribirme</b>.</li><li>Avance en las "
                    "lecciones: la plataforma guarda su progreso, que puede consultar "
                    "en <i>Mi aprendizaje</i>.</li></ol>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Una municipalidad que informa bien y escucha a sus vecinos "
                        "gobierna mejor. Este diplomado pone esas herramientas al "
                        "alcance de todas las municipalidades del país."
                    ),
                    "attribution": "Instituto de Fomento Municipal (INFOM)",
                },
            ),
        ],
    },
]

# Socialization activities; `days_from_today` is relative to the seeding date.
EVENTS = [
    {
        "slug": "socializacion-gobierno-abierto-ciudadania",
        "title": (
            "Socialización del modelo de Gobierno Abierto con la ciudadanía y la "
            "sociedad civil"
        ),
        "days_from_today": -168,
        "start_time": "09:00",
        "duration_hours": 3,
        "place": "Salón de usos múltiples, Oficinas centrales del INFOM",
        "department": "01",
        "municipality": "0101",
        "audience": "Ciudadanía y organizaciones de sociedad civil",
        "intro": (
            "Actividad abierta en la que el INFOM presentó su modelo de Gobierno "
            "Abierto, los avances de su estrategia y la forma de ejercer el derecho de "
            "acceso a la información pública."
        ),
        "search_description": (
            "Socialización del modelo de Gobierno Abierto del INFOM con la ciudadanía "
            "y las organizaciones de sociedad civil."
        ),
        "description": (
            "<p>El Instituto de Fomento Municipal presentó a la ciudadanía y a las "
            "organizaciones de sociedad civil su modelo de <b>Gobierno Abierto</b> y "
            "los avances de la primera etapa de su estrategia.</p><ul><li>Qué es el "
            "Gobierno Abierto y cuáles son sus principios.</li><li>La estrategia del "
            "INFOM: diagnóstico, construcción de instrumentos y transferencia de "
            "capacidades.</li><li>Cómo solicitar información pública al INFOM y a las "
            "municipalidades, según el Decreto 57-2008.</li><li>Espacio de preguntas y "
            "propuestas.</li></ul><p>Las propuestas recibidas se trasladaron a las "
            "mesas técnicas de la estrategia.</p>"
        ),
        "how_to_participate": (
            "<p>La actividad fue abierta al público, con inscripción previa. Si desea "
            "participar en las próximas actividades, consulte la sección de "
            "actividades de esta plataforma o comuníquese con la Unidad de Información "
            "Pública del INFOM.</p>"
        ),
    },
    {
        "slug": "socializacion-gobierno-abierto-personal-infom",
        "title": (
            "Socialización del modelo de Gobierno Abierto con el personal del INFOM"
        ),
        "days_from_today": -161,
        "start_time": "14:00",
        "duration_hours": 2,
        "place": "Sesión virtual",
        "department": None,
        "municipality": None,
        "audience": "Personal y colaboradores del INFOM",
        "intro": (
            "Sesión virtual en la que se explicó al personal del INFOM el modelo de "
            "Gobierno Abierto, el papel de cada dependencia y las capacitaciones "
            "obligatorias en la plataforma."
        ),
        "search_description": (
            "Socialización del modelo de Gobierno Abierto con el personal y los "
            "colaboradores del INFOM."
        ),
        "description": (
            "<p>La sesión presentó al personal y a los colaboradores del INFOM el "
            "modelo de <b>Gobierno Abierto</b> de la institución y lo que significa en "
            "el trabajo diario de cada dependencia.</p><ul><li>Principios del Gobierno "
            "Abierto y marco legal básico: Ley de Acceso a la Información Pública "
            "(Decreto 57-2008) y Ley Orgánica del INFOM (Decreto 1132).</li><li>La "
            "atención de solicitudes de información y sus plazos.</li><li>El "
            "acompañamiento a las municipalidades con respeto a la autonomía "
            "municipal.</li><li>Las capacitaciones obligatorias disponibles en la "
            "plataforma.</li></ul>"
        ),
        "how_to_participate": (
            "<p>La sesión fue convocada para todo el personal. Si usted trabaja en el "
            "INFOM y no pudo asistir, complete en esta plataforma la capacitación "
            "obligatoria «Inducción al modelo de Gobierno Abierto del INFOM», que "
            "desarrolla los mismos contenidos.</p>"
        ),
    },
    {
        "slug": "taller-municipalidades-informacion-infom-coban",
        "title": (
            "Taller con municipalidades: la información que debe compartir el INFOM"
        ),
        "days_from_today": -126,
        "start_time": "09:00",
        "duration_hours": 4,
        "place": "Salón de reuniones en la cabecera municipal",
        "department": "16",
        "municipality": "1601",
        "audience": "Funcionarios municipales",
        "intro": (
            "Taller de trabajo conjunto con municipalidades para identificar qué "
            "información necesitan que el INFOM comparta y por qué medios conviene "
            "publicarla."
        ),
        "search_description": (
            "Taller del INFOM con municipalidades en Cobán sobre la información que el "
            "Instituto debe compartir y cómo publicarla."
        ),
        "description": (
            "<p>El taller reunió a funcionarias y funcionarios municipales para "
            "trabajar, junto con el INFOM, en la información que el Instituto debe "
            "compartir con las municipalidades y con sus "
            "vecinos.</p><ol><li>Información sobre los servicios y trámites del INFOM "
            "que resulta más útil para las municipalidades.</li><li>Formatos y medios "
            "de publicación adecuados a la conectividad de cada municipio.</li><li>Uso "
            "de esa información en la rendición de cuentas municipal.</li></ol><p>Los "
            "resultados se incorporan a la construcción de instrumentos de la "
            "estrategia de Gobierno Abierto.</p>"
        ),
        "how_to_participate": (
            "<p>La participación fue por invitación a municipalidades del departamento "
            "de Alta Verapaz. Las municipalidades que deseen aportar sus propuestas "
            "pueden comunicarse con la Unidad de Información Pública del INFOM.</p>"
        ),
    },
    {
        "slug": "sesion-informativa-diplomado-gestion-municipal",
        "title": (
            "Sesión informativa virtual: Diplomado Gestión Municipal y Transparencia"
        ),
        "days_from_today": 14,
        "start_time": "10:00",
        "duration_hours": 2,
        "place": "Sesión virtual",
        "department": None,
        "municipality": None,
        "audience": "Funcionarios municipales",
        "intro": (
            "Conozca el Diplomado Gestión Municipal y Transparencia: sus {modulos} "
            "módulos, las evaluaciones, el certificado verificable y los pasos para "
            "inscribirse en la plataforma."
        ),
        "search_description": (
            "Sesión virtual sobre el Diplomado Gestión Municipal y Transparencia del "
            "INFOM: módulos, evaluaciones, certificado e inscripción."
        ),
        "description": (
            "<p>Esta sesión está dirigida a funcionarias, funcionarios y empleados de "
            "las municipalidades de los 22 departamentos que deseen cursar el "
            "<b>Diplomado Gestión Municipal y Transparencia</b>.</p><ul><li>Contenido "
            "de los {modulos_tematicos} módulos temáticos: Gobierno Abierto, Ley de "
            "Acceso a la Información "
            "Pública, Código Municipal, participación ciudadana y Consejos de "
            "Desarrollo, y finanzas municipales.</li><li>Cómo funcionan las "
            "evaluaciones y el examen final.</li><li>Cómo se verifica el "
            "certificado.</li><li>Demostración de la inscripción y del uso de la "
            "plataforma.</li></ul>"
        ),
        "how_to_participate": (
            "<p>La sesión es abierta a funcionarios municipales. El enlace para "
            "conectarse se publicará en esta página antes de la sesión; puede añadir "
            "la actividad a su calendario con el botón de arriba. Si desea cursar el "
            "diplomado, cree su cuenta en esta plataforma e inscríbase desde la "
            "página del diplomado. Para otras consultas, comuníquese con la Unidad de "
            "Información Pública del INFOM.</p>"
        ),
    },
    {
        "slug": "jornada-acompanamiento-diplomado-quetzaltenango",
        "title": "Jornada presencial de acompañamiento al diplomado en Quetzaltenango",
        "days_from_today": 38,
        "start_time": "09:00",
        "duration_hours": 4,
        "place": "Sede por confirmar",
        "department": "09",
        "municipality": "0901",
        "audience": "Funcionarios municipales inscritos en el diplomado",
        "intro": (
            "Jornada presencial para resolver dudas sobre el diplomado, practicar con "
            "la plataforma y revisar, con ejemplos, la información pública de oficio "
            "de una municipalidad."
        ),
        "search_description": (
            "Jornada presencial en Quetzaltenango para funcionarios municipales "
            "inscritos en el diplomado Gestión Municipal y Transparencia."
        ),
        "description": (
            "<p>El INFOM ofrece una jornada presencial de acompañamiento para quienes "
            "cursan el <b>Diplomado Gestión Municipal y "
            "Transparencia</b>.</p><ul><li>Resolución de dudas sobre los módulos y las "
            "evaluaciones.</li><li>Ejercicio práctico: revisar qué información pública "
            "de oficio publica una municipalidad y qué le falta, según el artículo 10 "
            "del Decreto 57-2008.</li><li>Apoyo para usar la plataforma y consultar el "
            "avance en <i>Mi aprendizaje</i>.</li></ul><p>La sede se confirmará a las "
            "personas inscritas.</p>"
        ),
        "how_to_participate": (
            "<p>Dirigida a funcionarios inscritos en el diplomado; si aún no lo cursa, "
            "inscríbase primero desde la página del diplomado. La sede se publicará "
            "en esta página. Para consultas, comuníquese con la Unidad de Información "
            "Pública del INFOM.</p>"
        ),
    },
    {
        "slug": "dialogo-ciudadano-gobierno-abierto-huehuetenango",
        "title": (
            "Diálogo ciudadano sobre Gobierno Abierto y acceso a la información en "
            "Huehuetenango"
        ),
        "days_from_today": 72,
        "start_time": "09:00",
        "duration_hours": 3,
        "place": "Sede por confirmar",
        "department": "13",
        "municipality": "1301",
        "audience": (
            "Ciudadanía, organizaciones de sociedad civil y funcionarios municipales"
        ),
        "intro": (
            "Espacio de diálogo para conocer los avances de la estrategia de Gobierno "
            "Abierto del INFOM y conversar sobre el derecho de acceso a la información "
            "pública en el municipio."
        ),
        "search_description": (
            "Diálogo ciudadano en Huehuetenango sobre Gobierno Abierto, acceso a la "
            "información pública y participación en el municipio."
        ),
        "description": (
            "<p>El INFOM invita a la ciudadanía, a las organizaciones de sociedad "
            "civil y a las municipalidades a un diálogo sobre <b>Gobierno Abierto</b> "
            "en el ámbito municipal.</p><ul><li>Avances de la estrategia de Gobierno "
            "Abierto del INFOM.</li><li>Cómo solicitar información pública a una "
            "municipalidad: la Unidad de Información Pública y los plazos de "
            "respuesta.</li><li>La participación por medio del COMUDE y los COCODE, "
            "según la Ley de los Consejos de Desarrollo Urbano y Rural (Decreto "
            "11-2002).</li></ul><p>Las propuestas que surjan del diálogo se "
            "trasladarán a las mesas técnicas de la estrategia.</p>"
        ),
        "how_to_participate": (
            "<p>La actividad es abierta al público. La sede se publicará en esta "
            "página; puede añadir la actividad a su calendario con el botón de "
            "arriba. Para más información, comuníquese con la Unidad de Información "
            "Pública del INFOM.</p>"
        ),
    },
]

# Institutional pages, children of the home page.
STANDARD_PAGES = [
    {
        "slug": "gobierno-abierto",
        "title": "Gobierno Abierto en el INFOM",
        "intro": (
            "El Instituto de Fomento Municipal (INFOM) impulsa una estrategia de "
            "Gobierno Abierto para fortalecer la transparencia, la participación "
            "ciudadana y la rendición de cuentas en la institución y en las "
            "municipalidades que acompaña."
        ),
        "search_description": (
            "Qué es el Gobierno Abierto, cómo participa Guatemala en la Alianza para "
            "el Gobierno Abierto y cuál es la estrategia del INFOM."
        ),
        "body": [
            ("heading", "¿Qué es el Gobierno Abierto?"),
            (
                "paragraph",
                (
                    "<p>El <b>Gobierno Abierto</b> es una forma de gestionar lo "
                    "público en la que las autoridades informan lo que hacen, escuchan "
                    "a la población, explican sus decisiones y usan herramientas "
                    "sencillas para facilitar todo lo anterior. Se basa en cuatro "
                    "principios:</p><ul><li><b>Transparencia</b>: la información "
                    "pública está disponible, completa, actualizada y es fácil de "
                    "entender.</li><li><b>Participación ciudadana</b>: la población "
                    "puede opinar e influir en las decisiones que la "
                    "afectan.</li><li><b>Rendición de cuentas</b>: las autoridades "
                    "explican lo que hicieron y responden por sus "
                    "resultados.</li><li><b>Tecnología e innovación</b>: se usan "
                    "herramientas, digitales o no, que facilitan el acceso y la "
                    "colaboración.</li></ul>"
                ),
            ),
            ("heading", "Guatemala en la Alianza para el Gobierno Abierto"),
            (
                "paragraph",
                (
                    "<p>La Alianza para el Gobierno Abierto (<i>Open Government "
                    "Partnership</i>) es una iniciativa internacional lanzada en 2011. "
                    "Guatemala se incorporó ese mismo año y desde entonces ha "
                    "elaborado planes de acción nacionales, construidos entre "
                    "instituciones públicas y organizaciones de la sociedad civil, con "
                    "compromisos concretos que se evalúan al final de cada "
                    "período.</p><p>Para conocer los compromisos vigentes, consulte el "
                    "plan de acción más reciente en los sitios oficiales del Gobierno "
                    "de Guatemala o de la Alianza.</p>"
                ),
            ),
            ("heading", "La estrategia del INFOM"),
            (
                "paragraph",
                (
                    "<p>La estrategia de Gobierno Abierto del INFOM se organiza en "
                    "tres líneas de trabajo:</p><ol><li><b>Diagnóstico</b>: conocer la "
                    "situación en transparencia, acceso a la información, "
                    "participación y rendición de cuentas, para identificar fortalezas "
                    "y brechas.</li><li><b>Construcción de instrumentos</b>: elaborar "
                    "guías, formatos, procedimientos y herramientas "
                    "prácticas.</li><li><b>Transferencia de capacidades</b>: capacitar "
                    "y acompañar al personal municipal y del INFOM, por ejemplo con el "
                    "Diplomado Gestión Municipal y Transparencia y las capacitaciones "
                    "obligatorias del personal.</li></ol><p>En su primera etapa se "
                    "realizaron los diagnósticos, se construyen los instrumentos y "
                    "comenzó la transferencia de capacidades. Organizaciones de la "
                    "sociedad civil participan en mesas técnicas, y las "
                    "municipalidades aportan sus propuestas sobre la información que "
                    "el INFOM debe compartir.</p>"
                ),
            ),
            (
                "legal_reference",
                {
                    "law": "Ley Orgánica del INFOM (Decreto 1132 del Congreso, 1957)",
                    "article": "Objeto del Instituto",
                    "quote": (
                        "El INFOM tiene por objeto promover el progreso de los "
                        "municipios, dando asistencia técnica y financiera a las "
                        "municipalidades en la realización de programas básicos de "
                        "obras y servicios públicos, en la organización de la hacienda "
                        "y la administración municipal y, en general, en el desarrollo "
                        "de la economía de los municipios."
                    ),
                    "is_paraphrase": True,
                },
            ),
            ("heading", "Marco legal"),
            (
                "paragraph",
                (
                    "<ul><li><b>Constitución Política de la República</b>: los actos "
                    "de la administración son públicos (artículo 30) y toda persona "
                    "puede conocer lo que de ella conste en registros estatales "
                    "(artículo 31).</li><li><b>Ley de Acceso a la Información "
                    "Pública</b>, Decreto 57-2008 del Congreso de la "
                    "República.</li><li><b>Código Municipal</b>, Decreto 12-2002 del "
                    "Congreso de la República, y sus reformas.</li><li><b>Ley de los "
                    "Consejos de Desarrollo Urbano y Rural</b>, Decreto 11-2002 del "
                    "Congreso de la República.</li><li><b>Ley Orgánica del Instituto "
                    "de Fomento Municipal</b>, Decreto 1132 del Congreso de la "
                    "República (1957).</li></ul><p>El INFOM respeta la <b>autonomía "
                    "municipal</b> que garantiza la Constitución: acompaña, asesora y "
                    "capacita, pero las decisiones corresponden a las autoridades "
                    "municipales electas.</p>"
                ),
            ),
            ("heading", "¿Cómo puede participar?"),
            (
                "paragraph",
                (
                    "<ul><li>Asista a las actividades de socialización que se publican "
                    "en la sección de actividades.</li><li>Solicite información "
                    "pública a la Unidad de Información Pública del INFOM.</li><li>Si "
                    "trabaja en una municipalidad, inscríbase en el Diplomado Gestión "
                    "Municipal y Transparencia.</li><li>Consulte los datos abiertos "
                    "sobre la formación que se realiza en esta plataforma.</li></ul>"
                ),
            ),
        ],
    },
    {
        "slug": "ley-de-acceso-a-la-informacion-publica",
        "title": "Ley de Acceso a la Información Pública",
        "intro": (
            "La Ley de Acceso a la Información Pública, Decreto 57-2008 del Congreso "
            "de la República, garantiza a toda persona el derecho a solicitar y "
            "recibir información pública de las instituciones del Estado, incluidas "
            "las municipalidades y el INFOM."
        ),
        "search_description": (
            "La Ley de Acceso a la Información Pública (Decreto 57-2008): sujetos "
            "obligados, información de oficio, solicitudes, plazos y autoridad "
            "reguladora."
        ),
        "body": [
            ("heading", "¿Qué es esta ley?"),
            (
                "paragraph",
                (
                    "<p>La Constitución Política de la República establece que los "
                    "actos de la administración son públicos (artículo 30) y reconoce "
                    "el derecho de toda persona a conocer lo que de ella conste en "
                    "registros estatales (artículo 31). La <b>Ley de Acceso a la "
                    "Información Pública</b>, Decreto 57-2008 del Congreso de la "
                    "República, desarrolla esos derechos y está vigente desde "
                    "2009.</p><p>La ley se basa en los principios de máxima "
                    "publicidad, transparencia en el manejo de los recursos públicos, "
                    "gratuidad en el acceso a la información, sencillez y celeridad "
                    "del procedimiento.</p>"
                ),
            ),
            ("heading", "¿Quiénes están obligados?"),
            (
                "paragraph",
                (
                    "<p>La ley llama <b>sujetos obligados</b> a las instituciones y "
                    "personas que manejan, administran o ejecutan recursos públicos o "
                    "actos de la administración pública. Su lista incluye a los "
                    "organismos del Estado, a las entidades autónomas y "
                    "descentralizadas, como el INFOM, y a <b>las municipalidades</b>. "
                    "También alcanza a quienes reciben o administran fondos públicos, "
                    "en lo que se refiere a esos fondos.</p><p>Del otro lado está el "
                    "<b>sujeto activo</b>: cualquier persona, individual o jurídica, "
                    "que quiera solicitar información pública. No necesita ser vecino "
                    "del municipio ni explicar para qué quiere la información.</p>"
                ),
            ),
            ("heading", "Información pública de oficio"),
            (
                "legal_reference",
                {
                    "law": "Ley de Acceso a la Información Pública (Decreto 57-2008)",
                    "article": "Artículo 10 (párrafo inicial)",
                    "quote": (
                        "Los Sujetos Obligados deberán mantener, actualizada y "
                        "disponible, en todo momento, de acuerdo con sus funciones y a "
                        "disposición de cualquier interesado, como mínimo, la "
                        "siguiente información, que podrá ser consultada de manera "
                        "directa o a través de los portales electrónicos de cada "
                        "sujeto obligado."
                    ),
                    "is_paraphrase": False,
                },
            ),
            (
                "paragraph",
                (
                    "<p>El artículo 10 enumera esa información mínima. Entre otros "
                    "temas, incluye la estructura orgánica y las funciones de cada "
                    "dependencia, el directorio de empleados y sus salarios, el "
                    "presupuesto y los informes de su ejecución, y las contrataciones "
                    "de bienes y servicios. La información debe estar "
                    "<b>actualizada</b>, y publicarla en internet no sustituye la "
                    "consulta directa en las oficinas.</p>"
                ),
            ),
            ("heading", "¿Cómo se solicita información?"),
            (
                "paragraph",
                (
                    "<p>Cada sujeto obligado cuenta con una <b>Unidad de Información "
                    "Pública</b>, que recibe las solicitudes, las tramita con las "
                    "dependencias que tienen la información y notifica la "
                    "respuesta.</p><ol><li>Presente su solicitud de forma verbal, "
                    "escrita o electrónica, identificando la información que busca e "
                    "indicando dónde desea recibir la respuesta.</li><li>La Unidad "
                    "debe resolver dentro de los <b>10 días hábiles</b> siguientes a "
                    "la presentación y admisión de la solicitud (artículo "
                    "42).</li><li>Cuando el volumen y la extensión de la respuesta lo "
                    "justifiquen, el plazo puede ampliarse <b>hasta por 10 días "
                    "más</b>, con aviso al solicitante antes de que venza el plazo "
                    "original (artículo 43).</li><li>Si no está conforme con la "
                    "respuesta, puede interponer un <b>recurso de revisión</b> dentro "
                    "de los 15 días siguientes a la notificación (artículos 54 a "
                    "60).</li></ol>"
                ),
            ),
            (
                "legal_reference",
                {
                    "law": "Ley de Acceso a la Información Pública (Decreto 57-2008)",
                    "article": "Artículo 18 (fragmento)",
                    "quote": (
                        "El acceso a la información pública será gratuito, para "
                        "efectos de análisis y consulta en las oficinas del sujeto "
                        "obligado."
                    ),
                    "is_paraphrase": False,
                },
            ),
            (
                "paragraph",
                (
                    "<p>Si pide copias o reproducciones, solo pueden cobrarse los "
                    "costos de reproducción de la información.</p>"
                ),
            ),
            ("heading", "Datos personales e información protegida"),
            (
                "paragraph",
                (
                    "<p>La regla es la máxima publicidad, pero la ley establece "
                    "excepciones limitadas: la <b>información confidencial</b>, que "
                    "protege principalmente los datos personales, y la <b>información "
                    "reservada</b>, que solo puede clasificarse por los motivos y el "
                    "tiempo que señala la ley. Además, garantiza el <b>hábeas "
                    "data</b>: el derecho de toda persona a conocer, proteger y pedir "
                    "la corrección de sus datos personales en poder del Estado.</p>"
                ),
            ),
            ("heading", "¿Quién vigila el cumplimiento?"),
            (
                "legal_reference",
                {
                    "law": "Ley de Acceso a la Información Pública (Decreto 57-2008)",
                    "article": "Artículo 46. Autoridad reguladora",
                    "quote": (
                        "El acceso a la información pública, como derecho humano "
                        "fundamental reconocido por la Constitución y por los tratados "
                        "internacionales ratificados por Guatemala, está protegido por "
                        "el Procurador de los Derechos Humanos, en los términos de la "
                        "ley."
                    ),
                    "is_paraphrase": True,
                },
            ),
            (
                "paragraph",
                (
                    "<p>El <b>Procurador de los Derechos Humanos</b> es la autoridad "
                    "reguladora de la ley: promueve el derecho de acceso, recibe los "
                    "informes de los sujetos obligados y puede atender denuncias de la "
                    "población. La ley también establece responsabilidades y sanciones "
                    "para quienes incumplen sus obligaciones.</p>"
                ),
            ),
            ("heading", "Solicitar información al INFOM"),
            (
                "paragraph",
                (
                    "<p>El INFOM es un sujeto obligado. Su información pública de "
                    "oficio está disponible en su sitio web institucional y puede "
                    "consultarse en sus oficinas. Para cualquier otra información, "
                    "diríjase a la <b>Unidad de Información Pública del INFOM</b>.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "acerca-del-diplomado",
        "title": "Acerca del diplomado",
        "intro": (
            "El Diplomado Gestión Municipal y Transparencia es una formación en línea "
            "del INFOM para el personal de las municipalidades de Guatemala, con "
            "{modulos} "
            "módulos (el último, el examen final), evaluaciones y un certificado "
            "verificable."
        ),
        "search_description": (
            "Diplomado en línea Gestión Municipal y Transparencia del INFOM: a quién "
            "se dirige, módulos, evaluaciones, certificado e inscripción."
        ),
        "body": [
            ("heading", "¿Qué es el diplomado?"),
            (
                "paragraph",
                (
                    "<p>El <b>Diplomado Gestión Municipal y Transparencia</b> ofrece "
                    "las bases legales y prácticas para una gestión municipal abierta, "
                    "cercana a la población y apegada a la ley. Forma parte de la "
                    "línea de <i>transferencia de capacidades</i> de la estrategia de "
                    "Gobierno Abierto del INFOM.</p><p>Se cursa completamente en "
                    "línea. Las lecciones son livianas, pensadas para conexiones "
                    "lentas, y pueden leerse en 10 a 20 minutos. <i>Duración total "
                    "estimada: 40 horas, incluidas lecturas, ejercicios en su "
                    "municipalidad y evaluaciones.</i></p>"
                ),
            ),
            ("heading", "¿A quién está dirigido?"),
            (
                "paragraph",
                (
                    "<p>A funcionarias, funcionarios y empleados de las <b>340 "
                    "municipalidades</b> de los <b>22 departamentos</b> del país; en "
                    "especial, a quienes trabajan en la Secretaría Municipal, la "
                    "Dirección de Administración Financiera Integrada Municipal, la "
                    "Dirección Municipal de Planificación y la Unidad de Información "
                    "Pública, entre otras dependencias.</p>"
                ),
            ),
            ("heading", "Los {modulos} módulos"),
            (
                "paragraph",
                (
                    "<ul><li><b>Módulo 1. Gobierno Abierto: principios y "
                    "compromisos</b>: qué es el Gobierno Abierto, sus principios, la "
                    "Alianza para el Gobierno Abierto y lo que significa para una "
                    "municipalidad.</li><li><b>Módulo 2. Ley de Acceso a la "
                    "Información Pública</b>: el Decreto 57-2008, los sujetos "
                    "obligados, la información pública de oficio, las solicitudes y la "
                    "información con protección especial.</li><li><b>Módulo 3. El "
                    "Código Municipal y la organización del municipio</b>: el "
                    "municipio, la autonomía municipal y la organización del gobierno "
                    "y la administración municipal según el Decreto 12-2002 y sus "
                    "reformas.</li><li><b>Módulo 4. Participación ciudadana y Consejos "
                    "de Desarrollo</b>: el Sistema de Consejos de Desarrollo (Decreto "
                    "11-2002), el COMUDE y los COCODE.</li><li><b>Módulo 5. Finanzas "
                    "municipales y el papel del INFOM</b>: los ingresos municipales, "
                    "la publicidad del presupuesto, la rendición de cuentas y los "
                    "servicios del INFOM.</li><li><b>Módulo {modulos_n}. Examen "
                    "final</b>: "
                    "integra los temas de los módulos anteriores.</li></ul>"
                ),
            ),
            ("heading", "Evaluaciones y examen final"),
            (
                "paragraph",
                (
                    "<p>Cada módulo temático tiene tres lecciones breves y una "
                    "evaluación. El último módulo es un examen que integra los temas "
                    "de los {modulos_tematicos} módulos temáticos. "
                    "Al terminar cada evaluación, puede revisar la explicación de cada "
                    "pregunta, que indica la ley o el artículo en que se basa.</p>"
                ),
            ),
            ("heading", "Certificado verificable"),
            (
                "paragraph",
                (
                    "<p>Al completar el diplomado, la plataforma emite un certificado "
                    "en PDF con un <b>código de verificación</b> y un <b>código "
                    "QR</b>. Cualquier persona, por ejemplo su municipalidad, puede "
                    "comprobar su autenticidad ingresando el código en la página de "
                    "verificación de certificados de esta plataforma o escaneando el "
                    "código QR.</p>"
                ),
            ),
            ("heading", "¿Cómo inscribirse?"),
            (
                "paragraph",
                (
                    "<ol><li>Cree una cuenta en esta plataforma con su nombre "
                    "completo, su institución, su departamento, su municipio y su "
                    "cargo.</li><li>Abra la página del diplomado y seleccione "
                    "<b>Inscribirme</b>.</li><li>Avance en las lecciones y "
                    "evaluaciones. Su progreso queda guardado y puede consultarlo en "
                    "<i>Mi aprendizaje</i>.</li></ol>"
                ),
            ),
        ],
    },
]

TRANSPARENCY_INTRO = (
    "Estas cifras muestran, por departamento, municipio, tipo de institución, cargo, "
    "edición y mes, cuántas personas se han inscrito en los cursos de la plataforma, "
    "cuántas los han completado y aprobado, cuántas tienen un certificado y cuántos "
    "municipios cuentan con al menos una persona certificada. Son datos agregados: "
    "nunca se publica el nombre ni ningún otro dato personal, y las cifras pequeñas "
    "se reservan para que nadie pueda ser reconocido. Se actualizan una vez al día y "
    "pueden descargarse en CSV, JSON y Excel con licencia CC BY 4.0."
)

HOME_FEATURE_TEXT = (
    "¿Trabaja en una municipalidad? Inscríbase en el Diplomado Gestión Municipal y "
    "Transparencia: {modulos} módulos en línea (el último, el examen final), con "
    "evaluaciones y un certificado verificable, para fortalecer la transparencia y la "
    "participación en su municipio."
)
